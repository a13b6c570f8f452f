#include "entropy_calibrator.hpp"

#if EPT_HAS_PRECISION_FLAGS

#include "dims.hpp"
#include "file_bytes.hpp"
#include "log_forwarder.hpp"

#include <cstring>
#include <utility>

namespace ept {

EntropyCalibrator::EntropyCalibrator(ept_calibrator const& source, std::vector<CalibrationInput> inputs)
    : mSource(source)
    , mCachePath(source.cache_path != nullptr ? source.cache_path : "")
    , mInputs(std::move(inputs))
{
    mDescs.resize(mInputs.size());
}

bool EntropyCalibrator::getBatch(void* bindings[], char const* names[], int32_t nbBindings) noexcept
{
    if (!mAbortReason.empty() || nbBindings < 0 || static_cast<std::size_t>(nbBindings) > mDescs.size())
    {
        return false;
    }
    // TensorRT names the inputs it wants, in its own order; describe them in that order.
    for (int32_t i = 0; i < nbBindings; ++i)
    {
        CalibrationInput const* match = nullptr;
        for (auto const& input : mInputs)
        {
            if (std::strcmp(input.name.c_str(), names[i]) == 0)
            {
                match = &input;
            }
        }
        if (match == nullptr)
        {
            mAbortReason = std::string("TensorRT asked for calibration data of unknown input ") + names[i];
            return false;
        }
        auto& desc = mDescs[static_cast<std::size_t>(i)];
        desc.name = match->name.c_str();
        desc.data_type = match->dataType;
        fromDims(match->dims, desc.rank, desc.dims);
    }
    auto const result = mSource.next_batch(mSource.user, nbBindings, mDescs.data(), bindings);
    if (result < 0)
    {
        mAbortReason = "the calibration batch source failed after " + std::to_string(mBatches) + " batches";
        return false;
    }
    if (result == 0)
    {
        return false;
    }
    ++mBatches;
    return true;
}

void const* EntropyCalibrator::readCalibrationCache(std::size_t& length) noexcept
{
    length = 0;
    if (mCachePath.empty())
    {
        return nullptr;
    }
    try
    {
        if (!readFileIfExists(mCachePath, mCache) || mCache.empty())
        {
            return nullptr;
        }
    }
    catch (std::exception const& e)
    {
        LogForwarder::instance().log(nvinfer1::ILogger::Severity::kWARNING, e.what());
        return nullptr;
    }
    length = mCache.size();
    return mCache.data();
}

void EntropyCalibrator::writeCalibrationCache(void const* ptr, std::size_t length) noexcept
{
    if (mCachePath.empty() || !mAbortReason.empty())
    {
        return;
    }
    try
    {
        writeFileAtomically(mCachePath, ptr, length);
    }
    catch (std::exception const& e)
    {
        LogForwarder::instance().log(nvinfer1::ILogger::Severity::kWARNING, e.what());
    }
}

} // namespace ept

#endif
