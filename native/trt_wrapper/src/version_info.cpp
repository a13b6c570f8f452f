// ept_get_version: the TensorRT the wrapper was compiled against and the one loaded at run time.
#include "api_guard.hpp"
#include "trt_includes.hpp"

namespace {

// getInferLibVersion() is MAJOR*1000+MINOR*100+PATCH up to TensorRT 9 and MAJOR*10000+MINOR*100+PATCH
// from TensorRT 10 on (8.6.1 -> 8601, 10.3.0 -> 100300).
void decodeLibraryVersion(int32_t v, ept_version_info& out)
{
    if (v >= 100000)
    {
        out.library_major = v / 10000;
        out.library_minor = (v / 100) % 100;
    }
    else
    {
        out.library_major = v / 1000;
        out.library_minor = (v / 100) % 10;
    }
    out.library_patch = v % 100;
}

} // namespace

extern "C" ept_status ept_get_version(ept_version_info* out)
{
    return ept::guarded("ept_get_version", [&]() -> ept_status {
        if (out == nullptr)
        {
            return ept::nullArgument("ept_get_version", "out");
        }
        *out = ept_version_info{};
        out->abi_version = EPT_ABI_VERSION;
        out->header_major = NV_TENSORRT_MAJOR;
        out->header_minor = NV_TENSORRT_MINOR;
        out->header_patch = NV_TENSORRT_PATCH;
        out->header_build = NV_TENSORRT_BUILD;
        decodeLibraryVersion(getInferLibVersion(), *out);
        out->parser_version = getNvOnnxParserVersion();
        int runtimeVersion = 0;
        if (cudaRuntimeGetVersion(&runtimeVersion) == cudaSuccess)
        {
            out->cuda_runtime_version = runtimeVersion;
        }
        return EPT_OK;
    });
}
