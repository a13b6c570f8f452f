// Loading plans and describing engines: deserialise, serialise, I/O tensors, profiles, memory.
#include "engine.hpp"

#include "api_guard.hpp"
#include "blob.hpp"
#include "dims.hpp"
#include "tensor_types.hpp"
#include "text_copy.hpp"

namespace ept {

char const* ioName(ept_engine const& engine, int32_t index, char const* function)
{
    if (index < 0 || static_cast<std::size_t>(index) >= engine.ioNames.size())
    {
        fail(EPT_INVALID_ARGUMENT, std::string(function) + ": tensor index " + std::to_string(index)
            + " is outside 0.." + std::to_string(static_cast<int64_t>(engine.ioNames.size()) - 1));
        return nullptr;
    }
    return engine.ioNames[static_cast<std::size_t>(index)].c_str();
}

char const* inputName(ept_engine const& engine, int32_t index, char const* function)
{
    auto const* name = ioName(engine, index, function);
    if (name != nullptr && engine.engine->getTensorIOMode(name) != nvinfer1::TensorIOMode::kINPUT)
    {
        fail(EPT_INVALID_ARGUMENT, std::string(function) + ": tensor " + std::to_string(index) + " '" + name + "' is not an input");
        return nullptr;
    }
    return name;
}

} // namespace ept

extern "C" ept_status ept_engine_deserialize(const void* plan, uint64_t size, int32_t dla_core, ept_engine** out)
{
    return ept::guarded("ept_engine_deserialize", [&]() -> ept_status {
        if (out == nullptr)
        {
            return ept::nullArgument("ept_engine_deserialize", "out");
        }
        *out = nullptr;
        if (plan == nullptr || size == 0)
        {
            return ept::fail(EPT_INVALID_ARGUMENT, "ept_engine_deserialize: the plan is empty");
        }
        auto engine = std::make_unique<ept_engine>();
        engine->runtime.reset(nvinfer1::createInferRuntime(ept::LogForwarder::instance()));
        if (!engine->runtime)
        {
            return ept::fail(EPT_CUDA_ERROR, ept::withTensorRtErrors("TensorRT could not create a runtime (no usable GPU?)"));
        }
        if (dla_core >= 0)
        {
            if (dla_core >= engine->runtime->getNbDLACores())
            {
                return ept::fail(EPT_UNSUPPORTED, "DLA core " + std::to_string(dla_core) + " does not exist: this device has "
                    + std::to_string(engine->runtime->getNbDLACores()) + " DLA cores");
            }
            engine->runtime->setDLACore(dla_core);
        }
        engine->engine.reset(engine->runtime->deserializeCudaEngine(plan, static_cast<std::size_t>(size)));
        if (!engine->engine)
        {
            return ept::fail(EPT_DESERIALIZE_FAILED, ept::withTensorRtErrors(
                "TensorRT could not load the plan (corrupt, or built by another TensorRT version or for another GPU)"));
        }
        auto const count = engine->engine->getNbIOTensors();
        for (int32_t i = 0; i < count; ++i)
        {
            engine->ioNames.emplace_back(engine->engine->getIOTensorName(i));
        }
        *out = engine.release();
        return EPT_OK;
    });
}

extern "C" void ept_engine_destroy(ept_engine* engine)
{
    delete engine;
}

extern "C" ept_status ept_engine_serialize(const ept_engine* engine, ept_blob** out_plan)
{
    return ept::guarded("ept_engine_serialize", [&]() -> ept_status {
        if (engine == nullptr || out_plan == nullptr)
        {
            return ept::nullArgument("ept_engine_serialize", engine == nullptr ? "engine" : "out_plan");
        }
        std::unique_ptr<nvinfer1::IHostMemory> memory(engine->engine->serialize());
        if (!memory)
        {
            return ept::fail(EPT_INTERNAL, ept::withTensorRtErrors("TensorRT could not serialise the engine"));
        }
        *out_plan = new ept_blob{std::move(memory)};
        return EPT_OK;
    });
}

extern "C" ept_status ept_engine_io_count(const ept_engine* engine, int32_t* out_count)
{
    return ept::guarded("ept_engine_io_count", [&]() -> ept_status {
        if (engine == nullptr || out_count == nullptr)
        {
            return ept::nullArgument("ept_engine_io_count", engine == nullptr ? "engine" : "out_count");
        }
        *out_count = static_cast<int32_t>(engine->ioNames.size());
        return EPT_OK;
    });
}

extern "C" ept_status ept_engine_io_info(const ept_engine* engine, int32_t index, ept_tensor_info* out)
{
    return ept::guarded("ept_engine_io_info", [&]() -> ept_status {
        if (engine == nullptr || out == nullptr)
        {
            return ept::nullArgument("ept_engine_io_info", engine == nullptr ? "engine" : "out");
        }
        auto const* name = ept::ioName(*engine, index, "ept_engine_io_info");
        if (name == nullptr)
        {
            return EPT_INVALID_ARGUMENT;
        }
        auto const& e = *engine->engine;
        *out = ept_tensor_info{};
        ept::copyText(out->name, name);
        ept::fromDims(e.getTensorShape(name), out->rank, out->dims);
        out->io_mode = e.getTensorIOMode(name) == nvinfer1::TensorIOMode::kINPUT ? EPT_IO_INPUT : EPT_IO_OUTPUT;
        out->data_type = ept::toEptType(e.getTensorDataType(name));
        out->format = static_cast<int32_t>(e.getTensorFormat(name));
        out->vectorized_dim = e.getTensorVectorizedDim(name);
        out->components_per_element = e.getTensorComponentsPerElement(name);
        out->bytes_per_component = e.getTensorBytesPerComponent(name);
        ept::copyText(out->format_description, e.getTensorFormatDesc(name));
        return EPT_OK;
    });
}

extern "C" ept_status ept_engine_profile_count(const ept_engine* engine, int32_t* out_count)
{
    return ept::guarded("ept_engine_profile_count", [&]() -> ept_status {
        if (engine == nullptr || out_count == nullptr)
        {
            return ept::nullArgument("ept_engine_profile_count", engine == nullptr ? "engine" : "out_count");
        }
        *out_count = engine->engine->getNbOptimizationProfiles();
        return EPT_OK;
    });
}

extern "C" ept_status ept_engine_profile_shape(
    const ept_engine* engine, int32_t index, int32_t profile, int32_t which, int32_t* out_rank, int64_t* out_dims)
{
    return ept::guarded("ept_engine_profile_shape", [&]() -> ept_status {
        if (engine == nullptr || out_rank == nullptr || out_dims == nullptr)
        {
            return ept::nullArgument("ept_engine_profile_shape", engine == nullptr ? "engine" : "out_rank/out_dims");
        }
        auto const* name = ept::inputName(*engine, index, "ept_engine_profile_shape");
        if (name == nullptr)
        {
            return EPT_INVALID_ARGUMENT;
        }
        if (profile < 0 || profile >= engine->engine->getNbOptimizationProfiles() || which < 0 || which > 2)
        {
            return ept::fail(EPT_INVALID_ARGUMENT, "ept_engine_profile_shape: profile " + std::to_string(profile)
                + " / selector " + std::to_string(which) + " does not exist");
        }
        auto const selector = static_cast<nvinfer1::OptProfileSelector>(which);
        ept::fromDims(engine->engine->getProfileShape(name, profile, selector), *out_rank, out_dims);
        return EPT_OK;
    });
}

extern "C" ept_status ept_engine_device_memory_size(const ept_engine* engine, uint64_t* out_bytes)
{
    return ept::guarded("ept_engine_device_memory_size", [&]() -> ept_status {
        if (engine == nullptr || out_bytes == nullptr)
        {
            return ept::nullArgument("ept_engine_device_memory_size", engine == nullptr ? "engine" : "out_bytes");
        }
#if NV_TENSORRT_MAJOR >= 10
        auto const bytes = engine->engine->getDeviceMemorySizeV2();
        *out_bytes = bytes > 0 ? static_cast<uint64_t>(bytes) : 0;
#else
        *out_bytes = static_cast<uint64_t>(engine->engine->getDeviceMemorySize());
#endif
        return EPT_OK;
    });
}
