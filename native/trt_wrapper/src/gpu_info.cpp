// ept_get_gpu_info: the GPU TensorRT will build for and run on, as the CUDA runtime describes it.
#include "api_guard.hpp"
#include "log_forwarder.hpp"
#include "text_copy.hpp"
#include "trt_includes.hpp"

#include <memory>

extern "C" ept_status ept_get_gpu_info(int32_t device, ept_gpu_info* out)
{
    return ept::guarded("ept_get_gpu_info", [&]() -> ept_status {
        if (out == nullptr)
        {
            return ept::nullArgument("ept_get_gpu_info", "out");
        }
        *out = ept_gpu_info{};
        int count = 0;
        auto err = cudaGetDeviceCount(&count);
        if (err != cudaSuccess)
        {
            return ept::fail(EPT_CUDA_ERROR, std::string("no usable CUDA GPU: ") + cudaGetErrorString(err));
        }
        if (device < 0 || device >= count)
        {
            return ept::fail(EPT_INVALID_ARGUMENT, "GPU " + std::to_string(device) + " does not exist (this machine has "
                + std::to_string(count) + ")");
        }
        cudaDeviceProp prop{};
        err = cudaGetDeviceProperties(&prop, device);
        if (err != cudaSuccess)
        {
            return ept::fail(EPT_CUDA_ERROR, "cannot read the properties of GPU " + std::to_string(device) + ": "
                + cudaGetErrorString(err));
        }
        ept::copyText(out->name, prop.name);
        out->compute_major = prop.major;
        out->compute_minor = prop.minor;
        out->integrated = prop.integrated != 0 ? 1 : 0;
        out->device_count = count;
        out->total_memory = static_cast<uint64_t>(prop.totalGlobalMem);
        int driver = 0;
        if (cudaDriverGetVersion(&driver) == cudaSuccess)
        {
            out->cuda_driver_version = driver;
        }
        std::unique_ptr<nvinfer1::IRuntime> runtime(nvinfer1::createInferRuntime(ept::LogForwarder::instance()));
        out->dla_cores = runtime ? runtime->getNbDLACores() : 0;
        return EPT_OK;
    });
}
