// The builder's timing cache, loaded from and saved to a file so later builds skip kernel timing.
#pragma once

#include "trt_includes.hpp"

#include <memory>
#include <string>

namespace ept {

class TimingCacheFile
{
public:
    // Reads path (when it exists) into a cache attached to config. A cache from another GPU or TensorRT
    // version is not an error: a warning is logged and the build starts from an empty cache.
    TimingCacheFile(nvinfer1::IBuilderConfig& config, std::string path);

    // Writes the config's cache, now including this build's timings, back to the file.
    void save(nvinfer1::IBuilderConfig const& config) const;

    // True when the attached cache could not be created (message in ErrorCapture).
    bool failed() const { return !mCache; }

private:
    std::string mPath;
    std::unique_ptr<nvinfer1::ITimingCache> mCache;
};

} // namespace ept
