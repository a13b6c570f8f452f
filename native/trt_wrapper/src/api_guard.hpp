// Every C ABI entry point runs its body through guarded(): no C++ exception crosses the boundary,
// and TensorRT's logged errors during the call are captured for the message of a failure.
#pragma once

#include "file_bytes.hpp"
#include "last_error.hpp"
#include "log_forwarder.hpp"

#include <exception>
#include <new>
#include <string>

namespace ept {

template <typename Body>
ept_status guarded(char const* what, Body&& body) noexcept
{
    try
    {
        ErrorCapture capture;
        return body();
    }
    catch (IoError const& e)
    {
        return fail(EPT_IO_ERROR, std::string(what) + ": " + e.what());
    }
    catch (std::bad_alloc const&)
    {
        return fail(EPT_INTERNAL, std::string(what) + ": out of host memory");
    }
    catch (std::exception const& e)
    {
        return fail(EPT_INTERNAL, std::string(what) + ": " + e.what());
    }
    catch (...)
    {
        return fail(EPT_INTERNAL, std::string(what) + ": unknown C++ exception");
    }
}

// For `if (p == nullptr) return nullArgument("ept_x", "out");`
inline ept_status nullArgument(char const* function, char const* argument)
{
    return fail(EPT_INVALID_ARGUMENT, std::string(function) + ": " + argument + " is null");
}

} // namespace ept
