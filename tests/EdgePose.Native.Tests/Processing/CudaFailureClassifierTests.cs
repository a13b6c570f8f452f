using EdgePose.Core.Decoding;
using EdgePose.Core.Processing;
using EdgePose.Native.Cuda;
using EdgePose.Native.Processing;
using EdgePose.Native.Tests.Cuda;

namespace EdgePose.Native.Tests.Processing;

/// <summary>CUDA errors from starting GPU processing, sorted into the failure kinds the fallback acts on; no driver for real.</summary>
public class CudaFailureClassifierTests
{
    [Theory]
    [InlineData(CudaResult.NoDevice, GpuFailureKind.NoDevice)]
    [InlineData(CudaResult.InvalidDevice, GpuFailureKind.NoDevice)]
    [InlineData(CudaResult.DeviceUnavailable, GpuFailureKind.NoDevice)]
    [InlineData(CudaResult.StubLibrary, GpuFailureKind.NoDriver)]
    [InlineData(CudaResult.InvalidPtx, GpuFailureKind.PtxRefused)]
    [InlineData(CudaResult.UnsupportedPtxVersion, GpuFailureKind.PtxRefused)]
    [InlineData(CudaResult.NoBinaryForGpu, GpuFailureKind.PtxRefused)]
    [InlineData(CudaResult.JitCompilerNotFound, GpuFailureKind.PtxRefused)]
    [InlineData(CudaResult.OutOfMemory, GpuFailureKind.OutOfMemory)]
    [InlineData(CudaResult.LaunchFailed, GpuFailureKind.Other)]
    [InlineData(CudaResult.Unknown, GpuFailureKind.Other)]
    public void Cuda_results_sort_into_their_failure_kind(CudaResult result, GpuFailureKind expected)
    {
        var e = new CudaException($"cuSomething failed: {result}") { Result = result };

        Assert.Equal(expected, CudaFailureClassifier.KindOf(e));
    }

    [Fact]
    public void A_missing_driver_library_is_no_driver()
    {
        var e = new CudaException("CUDA driver (libcuda.so.1) not found: this machine has no NVIDIA driver") { DriverMissing = true };

        Assert.Equal(GpuFailureKind.NoDriver, CudaFailureClassifier.KindOf(e));
    }

    [Fact]
    public void A_refused_module_keeps_the_driver_s_words_and_log_on_one_line()
    {
        var e = new CudaException("the CUDA driver refused PTX module nms.sm_87.ptx: CUDA_ERROR_INVALID_VALUE (invalid argument); driver log: ptxas line 5; error\nsecond") { Result = CudaResult.InvalidValue };

        var failure = CudaFailureClassifier.Classify(e);

        Assert.Equal(GpuFailureKind.PtxRefused, failure.Kind);
        Assert.Equal("the CUDA driver refused PTX module nms.sm_87.ptx: CUDA_ERROR_INVALID_VALUE (invalid argument); driver log: ptxas line 5; error second", failure.Detail);
    }

    [WithoutCudaDriverFact]
    public void Starting_the_gpu_processor_without_a_driver_fails_as_no_driver_naming_libcuda()
    {
        var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3);

        var e = Assert.Throws<CudaException>(() => CudaFrameProcessor.Create(640, 640, layout, new DecodeOptions(), 300));
        var failure = CudaFailureClassifier.Classify(e);

        Assert.Equal(GpuFailureKind.NoDriver, failure.Kind);
        Assert.Contains("libcuda.so.1", failure.Detail);
        var decision = ProcessingChoice.Decide(ProcessingMode.Auto, ProcessingFallback.Cpu, failure);
        Assert.Equal(ProcessingPath.Cpu, decision.Path);
        Assert.Equal("pre- and post-processing on the CPU: GPU processing unavailable, no NVIDIA driver (CUDA driver (libcuda.so.1) not found: this machine has no NVIDIA driver)", decision.Info);
    }
}
