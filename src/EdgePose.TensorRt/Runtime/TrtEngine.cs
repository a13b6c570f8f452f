using EdgePose.Core.Engines;
using EdgePose.Native.TensorRt;

namespace EdgePose.TensorRt.Runtime;

/// <summary>A deserialised TensorRT engine: its I/O tensors and profiles, and execution contexts on it.</summary>
public sealed class TrtEngine : IDisposable
{
    private readonly TrtEngineHandle _handle;

    private TrtEngine(TrtEngineHandle handle, IReadOnlyList<TrtTensorDescription> tensors)
    {
        _handle = handle;
        Tensors = tensors;
    }

    /// <summary>Every I/O tensor, by wrapper index.</summary>
    public IReadOnlyList<TrtTensorDescription> Tensors { get; }

    public IEnumerable<TrtTensorDescription> Inputs => Tensors.Where(t => t.IsInput);

    public IEnumerable<TrtTensorDescription> Outputs => Tensors.Where(t => !t.IsInput);

    /// <summary>
    /// Loads a plan. Throws <see cref="TensorRtException"/> with status DeserializeFailed (and TensorRT's
    /// words) when the plan is corrupt or from another TensorRT version or GPU.
    /// </summary>
    public static unsafe TrtEngine Deserialize(ReadOnlySpan<byte> plan, int dlaCore = -1)
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
            var tensors = new TrtTensorDescription[count];
            for (var i = 0; i < count; i++)
            {
                TrtTensorInfo info;
                TrtErrors.Check(TrtApi.ept_engine_io_info(handle, i, &info));
                tensors[i] = TrtTensorDescription.FromNative(i, info);
            }

            return new TrtEngine(handle, tensors);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public int ProfileCount
    {
        get
        {
            TrtErrors.Check(TrtApi.ept_engine_profile_count(_handle, out var n));
            return n;
        }
    }

    /// <summary>The min, opt or max shape of input <paramref name="index"/> in <paramref name="profile"/>.</summary>
    public unsafe TensorShape ProfileShape(int index, int profile, ProfileSelector which)
    {
        var dims = stackalloc long[TrtAbi.MaxDims];
        TrtErrors.Check(TrtApi.ept_engine_profile_shape(_handle, index, profile, (int)which, out var rank, dims));
        return new TensorShape(new ReadOnlySpan<long>(dims, rank).ToArray());
    }

    /// <summary>Device memory the engine needs for activations.</summary>
    public ulong DeviceMemorySize
    {
        get
        {
            TrtErrors.Check(TrtApi.ept_engine_device_memory_size(_handle, out var bytes));
            return bytes;
        }
    }

    public TrtExecutionContext CreateContext()
    {
        TrtErrors.Check(TrtContextHandle.Create(_handle, out var context));
        return new TrtExecutionContext(context, Tensors);
    }

    /// <summary>The engine as a plan again (what a plan file holds).</summary>
    public byte[] Serialize()
    {
        TrtErrors.Check(TrtApi.ept_engine_serialize(_handle, out var blob));
        using (blob)
        {
            return blob.AsSpan().ToArray();
        }
    }

    public void Dispose() => _handle.Dispose();
}
