#include "dims.hpp"

#include <limits>

namespace ept {

bool toDims(int32_t rank, int64_t const* values, nvinfer1::Dims& out, std::string& error)
{
    if (rank < 0 || rank > EPT_MAX_DIMS)
    {
        error = "rank " + std::to_string(rank) + " is outside 0.." + std::to_string(EPT_MAX_DIMS);
        return false;
    }
    if (rank > 0 && values == nullptr)
    {
        error = "dimensions are null";
        return false;
    }
    out = nvinfer1::Dims{};
    out.nbDims = rank;
    for (int32_t i = 0; i < rank; ++i)
    {
        auto const v = values[i];
        if (v < -1 || v > static_cast<int64_t>(std::numeric_limits<DimValue>::max()))
        {
            error = "dimension " + std::to_string(i) + " = " + std::to_string(v) + " is out of range";
            return false;
        }
        out.d[i] = static_cast<DimValue>(v);
    }
    return true;
}

void fromDims(nvinfer1::Dims const& dims, int32_t& rank, int64_t* values)
{
    rank = dims.nbDims < 0 ? 0 : dims.nbDims;
    for (int32_t i = 0; i < EPT_MAX_DIMS; ++i)
    {
        values[i] = i < rank ? static_cast<int64_t>(dims.d[i]) : 0;
    }
}

std::string describe(nvinfer1::Dims const& dims)
{
    std::string s = "[";
    for (int32_t i = 0; i < dims.nbDims; ++i)
    {
        if (i > 0)
        {
            s += ",";
        }
        s += dims.d[i] < 0 ? std::string("?") : std::to_string(dims.d[i]);
    }
    return s + "]";
}

bool hasDynamicDimension(nvinfer1::Dims const& dims)
{
    for (int32_t i = 0; i < dims.nbDims; ++i)
    {
        if (dims.d[i] < 0)
        {
            return true;
        }
    }
    return false;
}

} // namespace ept
