#include "optimization_profile.hpp"

#include "dims.hpp"

#include <cstring>

namespace ept {
namespace {

ept_input_profile const* findExplicit(ept_build_options const& options, std::string const& name)
{
    for (int32_t i = 0; i < options.input_profile_count; ++i)
    {
        auto const& p = options.input_profiles[i];
        if (p.name != nullptr && name == p.name)
        {
            return &p;
        }
    }
    return nullptr;
}

bool onlyBatchIsDynamic(nvinfer1::Dims const& dims)
{
    if (dims.nbDims < 1 || dims.d[0] >= 0)
    {
        return false;
    }
    for (int32_t i = 1; i < dims.nbDims; ++i)
    {
        if (dims.d[i] < 0)
        {
            return false;
        }
    }
    return true;
}

bool fromExplicit(NetworkInput const& input, ept_input_profile const& p, InputRange& range, std::string& error)
{
    if (p.rank != input.dims.nbDims)
    {
        error = "the profile for input '" + input.name + "' has rank " + std::to_string(p.rank) + " but the network's is "
            + std::to_string(input.dims.nbDims) + " " + describe(input.dims);
        return false;
    }
    if (!toDims(p.rank, p.min, range.min, error) || !toDims(p.rank, p.opt, range.opt, error)
        || !toDims(p.rank, p.max, range.max, error))
    {
        error = "profile for input '" + input.name + "': " + error;
        return false;
    }
    for (int32_t i = 0; i < p.rank; ++i)
    {
        auto const fixed = input.dims.d[i];
        if (p.min[i] < 1 || p.min[i] > p.opt[i] || p.opt[i] > p.max[i])
        {
            error = "profile for input '" + input.name + "': dimension " + std::to_string(i)
                + " needs 1 <= min <= opt <= max, got " + std::to_string(p.min[i]) + ", " + std::to_string(p.opt[i]) + ", "
                + std::to_string(p.max[i]);
            return false;
        }
        if (fixed >= 0 && (p.min[i] != fixed || p.max[i] != fixed))
        {
            error = "profile for input '" + input.name + "': dimension " + std::to_string(i) + " is fixed at "
                + std::to_string(fixed) + " in the network " + describe(input.dims);
            return false;
        }
    }
    range.dynamic = true;
    return true;
}

} // namespace

bool planInputRanges(std::vector<NetworkInput> const& inputs, ept_build_options const& options,
    std::vector<InputRange>& ranges, std::string& error)
{
    for (int32_t i = 0; i < options.input_profile_count; ++i)
    {
        auto const* name = options.input_profiles[i].name;
        bool known = false;
        for (auto const& input : inputs)
        {
            known = known || (name != nullptr && input.name == name);
        }
        if (!known)
        {
            error = std::string("the network has no input named '") + (name != nullptr ? name : "(null)") + "'";
            return false;
        }
    }

    auto const maxBatch = options.max_batch > 0 ? options.max_batch : 1;
    ranges.clear();
    for (auto const& input : inputs)
    {
        InputRange range{input.name, input.dims, input.dims, input.dims, false};
        if (input.isShapeTensor)
        {
            error = "input '" + input.name + "' is a shape tensor; engines with shape-tensor inputs are not supported";
            return false;
        }
        if (auto const* p = findExplicit(options, input.name))
        {
            if (!fromExplicit(input, *p, range, error))
            {
                return false;
            }
        }
        else if (onlyBatchIsDynamic(input.dims))
        {
            range.min.d[0] = 1;
            range.opt.d[0] = static_cast<DimValue>(maxBatch);
            range.max.d[0] = static_cast<DimValue>(maxBatch);
            range.dynamic = true;
        }
        else if (hasDynamicDimension(input.dims))
        {
            error = "input '" + input.name + "' has dynamic dimensions besides the batch " + describe(input.dims)
                + ": give its min/opt/max shape";
            return false;
        }
        else if (maxBatch > 1 && (input.dims.nbDims < 1 || input.dims.d[0] != maxBatch))
        {
            error = "input '" + input.name + "' has the fixed shape " + describe(input.dims) + ", so a batch of "
                + std::to_string(maxBatch) + " cannot apply: export the ONNX with a dynamic batch (dynamic=True) or with batch="
                + std::to_string(maxBatch);
            return false;
        }
        ranges.push_back(range);
    }
    return true;
}

nvinfer1::IOptimizationProfile* addProfile(nvinfer1::IBuilder& builder, nvinfer1::IBuilderConfig& config,
    std::vector<InputRange> const& ranges, std::string& error)
{
    bool needed = false;
    for (auto const& r : ranges)
    {
        needed = needed || r.dynamic;
    }
    if (!needed)
    {
        return nullptr;
    }
    auto* profile = builder.createOptimizationProfile();
    if (profile == nullptr)
    {
        error = "TensorRT could not create an optimisation profile";
        return nullptr;
    }
    for (auto const& r : ranges)
    {
        if (!r.dynamic)
        {
            continue;
        }
        if (!profile->setDimensions(r.name.c_str(), nvinfer1::OptProfileSelector::kMIN, r.min)
            || !profile->setDimensions(r.name.c_str(), nvinfer1::OptProfileSelector::kOPT, r.opt)
            || !profile->setDimensions(r.name.c_str(), nvinfer1::OptProfileSelector::kMAX, r.max))
        {
            error = "TensorRT rejected the profile " + describe(r.min) + ".." + describe(r.max) + " for input '" + r.name + "'";
            return nullptr;
        }
    }
    if (config.addOptimizationProfile(profile) < 0)
    {
        error = "TensorRT rejected the optimisation profile";
        return nullptr;
    }
    return profile;
}

} // namespace ept
