using EdgePose.Core.Engines;
using EdgePose.Native.Cuda;
using EdgePose.Native.TensorRt;

namespace EdgePose.TensorRt.Runtime;

/// <summary>
/// An execution context: input shapes, device addresses of every tensor, and inference queued on a
/// stream. <see cref="SetTensorAddress"/> and <see cref="Enqueue"/> allocate nothing.
/// </summary>
public sealed class TrtExecutionContext : IDisposable
{
    private readonly TrtContextHandle _handle;
    private readonly IReadOnlyList<TrtIoTensor> _tensors;

    internal TrtExecutionContext(TrtContextHandle handle, IReadOnlyList<TrtIoTensor> tensors)
    {
        _handle = handle;
        _tensors = tensors;
    }

    /// <summary>Fixes the run-time shape of input <paramref name="index"/>; must lie within the engine's profile.</summary>
    public unsafe void SetInputShape(int index, ReadOnlySpan<long> dims)
    {
        fixed (long* p = dims)
        {
            TrtErrors.Check(TrtApi.ept_context_set_input_shape(_handle, index, dims.Length, p));
        }
    }

    /// <summary>The concrete shape of tensor <paramref name="index"/> once the input shapes are set.</summary>
    public unsafe TensorShape GetShape(int index)
    {
        var dims = stackalloc long[TrtAbi.MaxDims];
        TrtErrors.Check(TrtApi.ept_context_tensor_shape(_handle, index, out var rank, dims));
        return new TensorShape(new ReadOnlySpan<long>(dims, rank).ToArray());
    }

    /// <summary>Where tensor <paramref name="index"/> lives on the GPU.</summary>
    public void SetTensorAddress(int index, CudaDeviceBuffer buffer)
    {
        TrtErrors.Check(TrtApi.ept_context_set_tensor_address(_handle, index, buffer.DevicePointer), _tensors[index].Name);
    }

    /// <summary>Queues inference on <paramref name="stream"/>; synchronise the stream before reading outputs.</summary>
    public void Enqueue(CudaStream stream) => TrtErrors.Check(TrtApi.ept_context_enqueue(_handle, stream.RawHandle));

    public void Dispose() => _handle.Dispose();
}
