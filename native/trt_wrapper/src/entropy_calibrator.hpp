// INT8 entropy calibration (IInt8EntropyCalibrator2) whose batches come from the caller's callback.
// Absent with TensorRT 11, which has no implicit calibration.
#pragma once

#include "edgepose_trt.h"
#include "trt_includes.hpp"

#include <string>
#include <vector>

#if EPT_HAS_PRECISION_FLAGS

namespace ept {

// One network input as calibration batches carry it.
struct CalibrationInput
{
    std::string name;
    int32_t dataType;
    nvinfer1::Dims dims;
};

EPT_ALLOW_DEPRECATED_BEGIN
class EntropyCalibrator final : public nvinfer1::IInt8EntropyCalibrator2
{
public:
    EntropyCalibrator(ept_calibrator const& source, std::vector<CalibrationInput> inputs);

    // Explicit-batch networks carry the batch in each input's shape: TensorRT wants 1 here.
    int32_t getBatchSize() const noexcept override { return 1; }

    bool getBatch(void* bindings[], char const* names[], int32_t nbBindings) noexcept override;

    void const* readCalibrationCache(std::size_t& length) noexcept override;

    void writeCalibrationCache(void const* ptr, std::size_t length) noexcept override;

    // Why the callback stopped the calibration, or empty when it ran to its end.
    std::string const& abortReason() const { return mAbortReason; }

    int32_t batchesFed() const { return mBatches; }

private:
    ept_calibrator mSource;
    std::string mCachePath;
    std::vector<CalibrationInput> mInputs;
    std::vector<ept_tensor_desc> mDescs;
    std::vector<char> mCache;
    std::string mAbortReason;
    int32_t mBatches{0};
};
EPT_ALLOW_DEPRECATED_END

} // namespace ept

#endif
