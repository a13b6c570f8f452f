#include "timing_cache.hpp"

#include "file_bytes.hpp"
#include "log_forwarder.hpp"

#include <utility>
#include <vector>

namespace ept {

TimingCacheFile::TimingCacheFile(nvinfer1::IBuilderConfig& config, std::string path)
    : mPath(std::move(path))
{
    std::vector<char> bytes;
    readFileIfExists(mPath, bytes);
    mCache.reset(config.createTimingCache(bytes.data(), bytes.size()));
    if (mCache && config.setTimingCache(*mCache, false))
    {
        return;
    }
    if (!bytes.empty())
    {
        auto const message = "timing cache " + mPath + " does not fit this GPU or TensorRT version; starting a new one";
        LogForwarder::instance().log(nvinfer1::ILogger::Severity::kWARNING, message.c_str());
        mCache.reset(config.createTimingCache(nullptr, 0));
        if (mCache && config.setTimingCache(*mCache, false))
        {
            return;
        }
    }
    mCache.reset();
}

void TimingCacheFile::save(nvinfer1::IBuilderConfig const& config) const
{
    auto const* cache = config.getTimingCache();
    if (cache == nullptr)
    {
        return;
    }
    std::unique_ptr<nvinfer1::IHostMemory> bytes(cache->serialize());
    if (bytes)
    {
        writeFileAtomically(mPath, bytes->data(), bytes->size());
    }
}

} // namespace ept
