using EdgePose.Core.Processing;
using EdgePose.Native.Cuda;

namespace EdgePose.Native.Processing;

/// <summary>
/// Sorts a <see cref="CudaException"/> from starting GPU processing into the classes of <see cref="GpuFailureKind"/>
/// (no driver, no device, PTX refused, out of memory, other), keeping the driver's message (CUDA's error name, and
/// the JIT log for refused PTX) as the detail.
/// </summary>
public static class CudaFailureClassifier
{
    public static GpuFailure Classify(CudaException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new GpuFailure(KindOf(e), e.Message.ReplaceLineEndings(" "));
    }

    public static GpuFailureKind KindOf(CudaException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.DriverMissing)
        {
            return GpuFailureKind.NoDriver;
        }

        if (e.Result != CudaResult.OutOfMemory && e.Message.StartsWith(CudaModule.RefusedPrefix, StringComparison.Ordinal))
        {
            return GpuFailureKind.PtxRefused;
        }

        return e.Result switch
        {
            CudaResult.StubLibrary => GpuFailureKind.NoDriver,
            CudaResult.NoDevice or CudaResult.InvalidDevice or CudaResult.DeviceUnavailable => GpuFailureKind.NoDevice,
            CudaResult.InvalidPtx or CudaResult.UnsupportedPtxVersion or CudaResult.InvalidImage or CudaResult.NoBinaryForGpu
                or CudaResult.JitCompilerNotFound or CudaResult.JitCompilationDisabled => GpuFailureKind.PtxRefused,
            CudaResult.OutOfMemory => GpuFailureKind.OutOfMemory,
            _ => GpuFailureKind.Other,
        };
    }
}
