using EdgePose.Native.Cuda;
using EdgePose.Native.Cuda.Kernels;

namespace EdgePose.Native.Tests.Cuda;

/// <summary>Device 0's primary context made current on the test's thread, a stream, and the loaded kernels.</summary>
internal sealed class GpuSession : IDisposable
{
    public GpuSession()
    {
        Device = CudaDevice.Get(0);
        Context = Device.RetainPrimaryContext();
        Context.MakeCurrent();
        Stream = Context.CreateStream();
        Kernels = CudaKernels.Load(Context, Device);
    }

    public CudaDevice Device { get; }

    public CudaPrimaryContext Context { get; }

    public CudaStream Stream { get; }

    public CudaKernels Kernels { get; }

    /// <summary>Device memory holding <paramref name="data"/> (copied through pinned memory, stream synchronised).</summary>
    public CudaDeviceBuffer Upload<T>(ReadOnlySpan<T> data)
        where T : unmanaged
    {
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(data);
        using var pinned = Context.AllocatePinned((ulong)bytes.Length);
        bytes.CopyTo(pinned.AsSpan<byte>());
        var device = Context.AllocateDevice((ulong)bytes.Length);
        device.CopyFromHostAsync(pinned, (ulong)bytes.Length, Stream);
        Stream.Synchronize();
        return device;
    }

    /// <summary>The first <paramref name="count"/> elements of <paramref name="device"/>, after the stream's work.</summary>
    public T[] Download<T>(CudaDeviceBuffer device, int count)
        where T : unmanaged
    {
        ulong bytes = (ulong)(count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        using var pinned = Context.AllocatePinned(bytes);
        device.CopyToHostAsync(pinned, bytes, Stream);
        Stream.Synchronize();
        return pinned.AsSpan<T>()[..count].ToArray();
    }

    public void Dispose()
    {
        Kernels.Dispose();
        Stream.Dispose();
        Context.Dispose();
    }
}
