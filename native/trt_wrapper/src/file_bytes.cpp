#include "file_bytes.hpp"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sys/stat.h>

namespace ept {

bool readFileIfExists(std::string const& path, std::vector<char>& bytes)
{
    struct stat info{};
    if (stat(path.c_str(), &info) != 0)
    {
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        throw IoError("cannot read " + path);
    }
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad())
    {
        throw IoError("error while reading " + path);
    }
    return true;
}

void writeFileAtomically(std::string const& path, void const* data, std::size_t size)
{
    auto const temp = path + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out)
        {
            throw IoError("cannot write " + temp);
        }
        out.write(static_cast<char const*>(data), static_cast<std::streamsize>(size));
        out.close();
        if (!out)
        {
            std::remove(temp.c_str());
            throw IoError("error while writing " + temp);
        }
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0)
    {
        std::remove(temp.c_str());
        throw IoError("cannot replace " + path);
    }
}

} // namespace ept
