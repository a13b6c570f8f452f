// Build progress for the caller's ept_progress_fn: the wrapper's own phases (parse, build, save) and,
// from TensorRT 10 on, TensorRT's phases through IProgressMonitor. Any callback may cancel.
#pragma once

#include "edgepose_trt.h"
#include "trt_includes.hpp"

#include <atomic>
#include <map>
#include <mutex>
#include <string>

namespace ept {

class ProgressReporter
{
public:
    ProgressReporter(ept_progress_fn fn, void* user);

    // False when the caller asked to cancel (now or earlier).
    bool phaseStart(char const* phase, char const* parent, int32_t steps);
    bool step(char const* phase, int32_t completed);
    bool phaseFinish(char const* phase);

    bool cancelled() const { return mCancelled.load(); }

private:
    bool report(char const* phase, char const* parent, int32_t step, int32_t steps);

    ept_progress_fn mFn;
    void* mUser;
    std::atomic<bool> mCancelled{false};
    std::mutex mMutex;
    std::map<std::string, int32_t> mSteps;
};

#if EPT_HAS_PROGRESS_MONITOR
class ProgressMonitor final : public nvinfer1::IProgressMonitor
{
public:
    explicit ProgressMonitor(ProgressReporter& reporter)
        : mReporter(reporter)
    {
    }

    void phaseStart(char const* phaseName, char const* parentPhase, int32_t nbSteps) noexcept override;
    bool stepComplete(char const* phaseName, int32_t step) noexcept override;
    void phaseFinish(char const* phaseName) noexcept override;

private:
    ProgressReporter& mReporter;
};
#endif

} // namespace ept
