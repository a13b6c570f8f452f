#include "progress.hpp"

namespace ept {

ProgressReporter::ProgressReporter(ept_progress_fn fn, void* user)
    : mFn(fn)
    , mUser(user)
{
}

bool ProgressReporter::phaseStart(char const* phase, char const* parent, int32_t steps)
{
    {
        std::lock_guard<std::mutex> lock(mMutex);
        mSteps[phase] = steps;
    }
    return report(phase, parent, 0, steps);
}

bool ProgressReporter::step(char const* phase, int32_t completed)
{
    int32_t steps = 0;
    {
        std::lock_guard<std::mutex> lock(mMutex);
        auto const it = mSteps.find(phase);
        steps = it != mSteps.end() ? it->second : 0;
    }
    return report(phase, nullptr, completed, steps);
}

bool ProgressReporter::phaseFinish(char const* phase)
{
    int32_t steps = 0;
    {
        std::lock_guard<std::mutex> lock(mMutex);
        auto const it = mSteps.find(phase);
        if (it != mSteps.end())
        {
            steps = it->second;
            mSteps.erase(it);
        }
    }
    return report(phase, nullptr, -1, steps);
}

bool ProgressReporter::report(char const* phase, char const* parent, int32_t step, int32_t steps)
{
    if (mFn != nullptr && !mCancelled.load() && mFn(mUser, phase, parent, step, steps) != 0)
    {
        mCancelled.store(true);
    }
    return !mCancelled.load();
}

#if EPT_HAS_PROGRESS_MONITOR
void ProgressMonitor::phaseStart(char const* phaseName, char const* parentPhase, int32_t nbSteps) noexcept
{
    try
    {
        mReporter.phaseStart(phaseName, parentPhase, nbSteps);
    }
    catch (...)
    {
        // Progress is advisory: losing one report must not fail the build.
    }
}

bool ProgressMonitor::stepComplete(char const* phaseName, int32_t step) noexcept
{
    try
    {
        return mReporter.step(phaseName, step + 1);
    }
    catch (...)
    {
        return !mReporter.cancelled();
    }
}

void ProgressMonitor::phaseFinish(char const* phaseName) noexcept
{
    try
    {
        mReporter.phaseFinish(phaseName);
    }
    catch (...)
    {
        // As in phaseStart.
    }
}
#endif

} // namespace ept
