// Whole-file reads and writes for the timing cache and the calibration table.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace ept {

// A file could not be read or written; the C ABI reports it as EPT_IO_ERROR.
class IoError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// False when the file does not exist; throws IoError when it exists but cannot be read.
bool readFileIfExists(std::string const& path, std::vector<char>& bytes);

// Writes through a temporary file and a rename, so a reader never sees half a file. Throws on failure.
void writeFileAtomically(std::string const& path, void const* data, std::size_t size);

} // namespace ept
