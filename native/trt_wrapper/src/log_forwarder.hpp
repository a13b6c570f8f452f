// TensorRT's ILogger, forwarded to the C callback set with ept_set_log_callback. One process-wide
// instance: TensorRT expects the same logger for every builder and runtime.
#pragma once

#include "edgepose_trt.h"
#include "trt_includes.hpp"

#include <mutex>
#include <string>

namespace ept {

class LogForwarder final : public nvinfer1::ILogger
{
public:
    static LogForwarder& instance();

    void setCallback(ept_log_fn fn, void* user, int32_t maxSeverity);

    void log(Severity severity, char const* message) noexcept override;

private:
    std::mutex mMutex;
    ept_log_fn mFn{nullptr};
    void* mUser{nullptr};
    int32_t mMaxSeverity{EPT_LOG_WARNING};
};

// While alive, collects the errors TensorRT logs on this thread, so a failing call can say why
// (TensorRT reports most failures only through its logger). One per C ABI call that can fail.
class ErrorCapture
{
public:
    ErrorCapture();
    ~ErrorCapture();
    ErrorCapture(ErrorCapture const&) = delete;
    ErrorCapture& operator=(ErrorCapture const&) = delete;

    // The errors captured so far on this thread, joined with "; " (empty when none or no capture).
    static std::string current();

    static void record(char const* message);

private:
    ErrorCapture* mOuter;
    std::string mText;
};

} // namespace ept
