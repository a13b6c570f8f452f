using EdgePose.Core.Engines;
using EdgePose.Native.TensorRt;

namespace EdgePose.TensorRt.Runtime;

/// <summary>
/// A deserialised TensorRT engine (TensorRT's ICudaEngine, loaded from a plan): its I/O tensors and
/// profile shapes, and the execution contexts made on it. <see cref="TensorRtEngine"/> is the
/// <c>IInferenceEngine</c> built on one of these.
/// </summary>
public sealed class TrtDeserializedEngine : IDisposable
{
    private readonly TrtEngineHandle _handle;

    private TrtDeserializedEngine(TrtEngineHandle handle, IReadOnlyList<TrtIoTensor> tensors)
    {
        _handle = handle;
        Tensors = tensors;
    }

    /// <summary>Every I/O tensor, by wrapper index.</summary>
    public IReadOnlyList<TrtIoTensor> Tensors { get; }

    public IEnumerable<TrtIoTensor> Inputs => Tensors.Where(t => t.IsInput);

    public IEnumerable<TrtIoTensor> Outputs => Tensors.Where(t => !t.IsInput);

    /// <summary>
    /// Loads a plan. Throws <see cref="TensorRtException"/> with status DeserializeFailed (and TensorRT's
    /// words) when the plan is corrupt or from another TensorRT version or GPU.
    /// </summary>
    public static unsafe TrtDeserializedEngine Deserialize(ReadOnlySpan<byte> plan, int dlaCore = -1)
    {
        TensorRtLibrary.EnsureAvailable();
        TrtEngineHandle handle;
        fixed (byte* p = plan)
        {
            TrtErrors.Check(TrtApi.ept_engine_deserialize(p, (ulong)plan.Length, dlaCore, out handle));
        }

        try
        {
            TrtErrors.Check(TrtApi.ept_engine_io_count(handle, out var count));
            var tensors = new TrtIoTensor[count];
            for (var i = 0; i < count; i++)
            {
                TrtIoTensorNative info;
                TrtErrors.Check(TrtApi.ept_engine_io_info(handle, i, &info));
                tensors[i] = TrtIoTensor.FromNative(i, info);
            }

            return new TrtDeserializedEngine(handle, tensors);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>The min, opt or max shape of input <paramref name="index"/> in <paramref name="profile"/>.</summary>
    public unsafe TensorShape ProfileShape(int index, int profile, ProfileSelector which)
    {
        var dims = stackalloc long[TrtAbi.MaxDims];
        TrtErrors.Check(TrtApi.ept_engine_profile_shape(_handle, index, profile, (int)which, out var rank, dims));
        return new TensorShape(new ReadOnlySpan<long>(dims, rank).ToArray());
    }

    public TrtExecutionContext CreateContext()
    {
        TrtErrors.Check(TrtContextHandle.Create(_handle, out var context));
        return new TrtExecutionContext(context, Tensors);
    }

    public void Dispose() => _handle.Dispose();
}
