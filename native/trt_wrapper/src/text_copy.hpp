// Copies a C string into a fixed char array of the ABI, truncating, always null-terminated.
#pragma once

#include <cstddef>
#include <cstring>

namespace ept {

template <std::size_t Capacity>
void copyText(char (&target)[Capacity], char const* text)
{
    static_assert(Capacity > 0, "no room for the terminator");
    std::size_t const length = text != nullptr ? strnlen(text, Capacity - 1) : 0;
    if (length > 0)
    {
        std::memcpy(target, text, length);
    }
    target[length] = '\0';
}

} // namespace ept
