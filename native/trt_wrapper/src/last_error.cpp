#include "last_error.hpp"

#include "log_forwarder.hpp"

#include <utility>

namespace {
thread_local std::string t_lastError;
}

namespace ept {

ept_status fail(ept_status status, std::string message)
{
    for (auto& c : message)
    {
        if (c == '\n' || c == '\r')
        {
            c = ' ';
        }
    }
    t_lastError = std::move(message);
    return status;
}

std::string withTensorRtErrors(std::string message)
{
    auto const logged = ErrorCapture::current();
    if (!logged.empty())
    {
        message += ": ";
        message += logged;
    }
    return message;
}

} // namespace ept

extern "C" const char* ept_last_error(void)
{
    return t_lastError.c_str();
}
