#include "log_forwarder.hpp"

#include "api_guard.hpp"
#include "last_error.hpp"

namespace {
thread_local ept::ErrorCapture* t_capture = nullptr;
}

namespace ept {

LogForwarder& LogForwarder::instance()
{
    static LogForwarder logger;
    return logger;
}

void LogForwarder::setCallback(ept_log_fn fn, void* user, int32_t maxSeverity)
{
    std::lock_guard<std::mutex> lock(mMutex);
    mFn = fn;
    mUser = user;
    mMaxSeverity = maxSeverity;
}

void LogForwarder::log(Severity severity, char const* message) noexcept
{
    auto const level = static_cast<int32_t>(severity);
    if (level <= EPT_LOG_ERROR)
    {
        ErrorCapture::record(message);
    }
    ept_log_fn fn = nullptr;
    void* user = nullptr;
    {
        std::lock_guard<std::mutex> lock(mMutex);
        if (level > mMaxSeverity)
        {
            return;
        }
        fn = mFn;
        user = mUser;
    }
    if (fn != nullptr)
    {
        fn(user, level, message != nullptr ? message : "");
    }
}

ErrorCapture::ErrorCapture()
    : mOuter(t_capture)
{
    t_capture = this;
}

ErrorCapture::~ErrorCapture()
{
    t_capture = mOuter;
}

std::string ErrorCapture::current()
{
    return t_capture != nullptr ? t_capture->mText : std::string();
}

void ErrorCapture::record(char const* message)
{
    if (t_capture == nullptr || message == nullptr)
    {
        return;
    }
    try
    {
        if (!t_capture->mText.empty())
        {
            t_capture->mText += "; ";
        }
        t_capture->mText += message;
    }
    catch (...)
    {
        // Out of memory while logging: the message is lost, the call's own status still stands.
    }
}

} // namespace ept

extern "C" ept_status ept_set_log_callback(ept_log_fn fn, void* user, int32_t max_severity)
{
    return ept::guarded("ept_set_log_callback", [&]() -> ept_status {
        if (max_severity < EPT_LOG_INTERNAL_ERROR || max_severity > EPT_LOG_VERBOSE)
        {
            return ept::fail(EPT_INVALID_ARGUMENT, "log severity must be 0 (internal error) to 4 (verbose), got "
                + std::to_string(max_severity));
        }
        ept::LogForwarder::instance().setCallback(fn, user, max_severity);
        return EPT_OK;
    });
}
