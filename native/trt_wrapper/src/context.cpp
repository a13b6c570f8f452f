// Execution contexts: input shapes, tensor addresses and enqueue. Tensors are named by ABI index, and
// the per-frame calls (set address, enqueue) allocate nothing.
#include "api_guard.hpp"
#include "dims.hpp"
#include "engine.hpp"

extern "C" ept_status ept_context_create(ept_engine* engine, ept_context** out)
{
    return ept::guarded("ept_context_create", [&]() -> ept_status {
        if (engine == nullptr || out == nullptr)
        {
            return ept::nullArgument("ept_context_create", engine == nullptr ? "engine" : "out");
        }
        *out = nullptr;
        std::unique_ptr<nvinfer1::IExecutionContext> context(engine->engine->createExecutionContext());
        if (!context)
        {
            return ept::fail(EPT_CUDA_ERROR, ept::withTensorRtErrors("TensorRT could not create an execution context "
                                                                     "(out of GPU memory?)"));
        }
        *out = new ept_context{engine, std::move(context)};
        return EPT_OK;
    });
}

extern "C" void ept_context_destroy(ept_context* context)
{
    delete context;
}

extern "C" ept_status ept_context_set_input_shape(ept_context* context, int32_t index, int32_t rank, const int64_t* dims)
{
    return ept::guarded("ept_context_set_input_shape", [&]() -> ept_status {
        if (context == nullptr)
        {
            return ept::nullArgument("ept_context_set_input_shape", "context");
        }
        auto const* name = ept::inputName(*context->owner, index, "ept_context_set_input_shape");
        if (name == nullptr)
        {
            return EPT_INVALID_ARGUMENT;
        }
        nvinfer1::Dims shape{};
        std::string error;
        if (!ept::toDims(rank, dims, shape, error))
        {
            return ept::fail(EPT_INVALID_ARGUMENT, std::string("shape for input '") + name + "': " + error);
        }
        if (!context->context->setInputShape(name, shape))
        {
            return ept::fail(EPT_INVALID_ARGUMENT, ept::withTensorRtErrors(std::string("TensorRT rejected the shape ")
                + ept::describe(shape) + " for input '" + name + "' (outside the engine's profile?)"));
        }
        return EPT_OK;
    });
}

extern "C" ept_status ept_context_tensor_shape(const ept_context* context, int32_t index, int32_t* out_rank, int64_t* out_dims)
{
    return ept::guarded("ept_context_tensor_shape", [&]() -> ept_status {
        if (context == nullptr || out_rank == nullptr || out_dims == nullptr)
        {
            return ept::nullArgument("ept_context_tensor_shape", context == nullptr ? "context" : "out_rank/out_dims");
        }
        auto const* name = ept::ioName(*context->owner, index, "ept_context_tensor_shape");
        if (name == nullptr)
        {
            return EPT_INVALID_ARGUMENT;
        }
        ept::fromDims(context->context->getTensorShape(name), *out_rank, out_dims);
        return EPT_OK;
    });
}

extern "C" ept_status ept_context_set_tensor_address(ept_context* context, int32_t index, void* device_pointer)
{
    return ept::guarded("ept_context_set_tensor_address", [&]() -> ept_status {
        if (context == nullptr)
        {
            return ept::nullArgument("ept_context_set_tensor_address", "context");
        }
        auto const* name = ept::ioName(*context->owner, index, "ept_context_set_tensor_address");
        if (name == nullptr)
        {
            return EPT_INVALID_ARGUMENT;
        }
        if (!context->context->setTensorAddress(name, device_pointer))
        {
            return ept::fail(EPT_INVALID_ARGUMENT, ept::withTensorRtErrors(std::string("TensorRT rejected the address for '")
                + name + "' (misaligned or not device memory?)"));
        }
        return EPT_OK;
    });
}

extern "C" ept_status ept_context_enqueue(ept_context* context, void* stream)
{
    return ept::guarded("ept_context_enqueue", [&]() -> ept_status {
        if (context == nullptr)
        {
            return ept::nullArgument("ept_context_enqueue", "context");
        }
        if (!context->context->enqueueV3(static_cast<cudaStream_t>(stream)))
        {
            return ept::fail(EPT_INTERNAL, ept::withTensorRtErrors("TensorRT could not enqueue inference (an input shape "
                                                                   "or tensor address not set?)"));
        }
        return EPT_OK;
    });
}
