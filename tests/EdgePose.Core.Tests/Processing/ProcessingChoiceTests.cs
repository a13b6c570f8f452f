using EdgePose.Core.Processing;

namespace EdgePose.Core.Tests.Processing;

/// <summary>GPU or CPU processing from the mode, the fallback and why the GPU could not start: each failure kind, each path, its one line.</summary>
public class ProcessingChoiceTests
{
    public static TheoryData<GpuFailureKind, string, string> Failures => new()
    {
        { GpuFailureKind.NoDriver, "CUDA driver (libcuda.so.1) not found: this machine has no NVIDIA driver", "no NVIDIA driver" },
        { GpuFailureKind.NoDevice, "CUDA driver could not start: CUDA_ERROR_NO_DEVICE (no CUDA-capable device is detected)", "no CUDA device" },
        { GpuFailureKind.PtxRefused, "the CUDA driver refused PTX module preprocess.sm_87.ptx: CUDA_ERROR_UNSUPPORTED_PTX_VERSION (the provided PTX was compiled with an unsupported toolchain.); driver log: ptxas fatal", "the CUDA driver refused the kernels' PTX" },
        { GpuFailureKind.OutOfMemory, "cuMemAlloc(6220800 bytes) failed: CUDA_ERROR_OUT_OF_MEMORY (out of memory)", "out of GPU memory for the processing buffers" },
        { GpuFailureKind.Other, "cuStreamCreate failed: CUDA_ERROR_UNKNOWN (unknown error)", "the GPU kernels could not start" },
    };

    [Fact]
    public void Cpu_mode_never_uses_the_gpu_and_says_nothing()
    {
        var d = ProcessingChoice.Decide(ProcessingMode.Cpu, ProcessingFallback.None, new GpuFailure(GpuFailureKind.NoDriver, "x"));

        Assert.Equal(new ProcessingDecision(ProcessingPath.Cpu), d);
        Assert.False(ProcessingChoice.WantsGpu(ProcessingMode.Cpu));
    }

    [Theory]
    [InlineData(ProcessingMode.Auto)]
    [InlineData(ProcessingMode.Gpu)]
    public void A_gpu_that_started_is_used_quietly(ProcessingMode mode)
    {
        var d = ProcessingChoice.Decide(mode, ProcessingFallback.None, gpuFailure: null);

        Assert.Equal(new ProcessingDecision(ProcessingPath.Gpu), d);
        Assert.True(ProcessingChoice.WantsGpu(mode));
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void Auto_takes_the_cpu_with_one_info_line_naming_why(GpuFailureKind kind, string detail, string summary)
    {
        var d = ProcessingChoice.Decide(ProcessingMode.Auto, ProcessingFallback.None, new GpuFailure(kind, detail));

        Assert.Equal(ProcessingPath.Cpu, d.Path);
        Assert.False(d.Fails);
        Assert.Null(d.Warning);
        Assert.Contains(summary, d.Info);
        Assert.Contains(detail, d.Info);
        Assert.DoesNotContain('\n', d.Info!);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void Gpu_with_the_cpu_fallback_warns_and_runs_on_the_cpu(GpuFailureKind kind, string detail, string summary)
    {
        var d = ProcessingChoice.Decide(ProcessingMode.Gpu, ProcessingFallback.Cpu, new GpuFailure(kind, detail));

        Assert.Equal(ProcessingPath.Cpu, d.Path);
        Assert.False(d.Fails);
        Assert.StartsWith("Processing:Mode is gpu but " + summary, d.Warning);
        Assert.Contains(detail, d.Warning);
        Assert.Contains("Processing:Fallback", d.Warning);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void Gpu_without_a_fallback_fails_with_one_line_naming_the_keys_and_the_cause(GpuFailureKind kind, string detail, string summary)
    {
        var d = ProcessingChoice.Decide(ProcessingMode.Gpu, ProcessingFallback.None, new GpuFailure(kind, detail));

        Assert.True(d.Fails);
        Assert.StartsWith("Processing:Mode is gpu but " + summary, d.Error);
        Assert.Contains(detail, d.Error);
        Assert.Contains("Processing:Fallback", d.Error);
        Assert.DoesNotContain('\n', d.Error!);
        Assert.DoesNotContain("Exception", d.Error);
    }

    [Fact]
    public void A_detail_over_several_lines_is_told_on_one()
    {
        var failure = new GpuFailure(GpuFailureKind.PtxRefused, "refused\nline two\r\nline three");

        Assert.Equal("the CUDA driver refused the kernels' PTX (refused line two line three)", failure.ToString());
    }

    [Theory]
    [InlineData("auto", ProcessingMode.Auto)]
    [InlineData("GPU", ProcessingMode.Gpu)]
    [InlineData(" cpu ", ProcessingMode.Cpu)]
    public void Modes_parse_in_any_case(string text, ProcessingMode expected)
    {
        Assert.True(ProcessingChoice.TryParseMode(text, out var mode));
        Assert.Equal(expected, mode);
    }

    [Theory]
    [InlineData("cuda")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_modes_and_fallbacks_are_refused(string? text)
    {
        Assert.False(ProcessingChoice.TryParseMode(text, out _));
        Assert.False(ProcessingChoice.TryParseFallback(text, out _));
    }

    [Theory]
    [InlineData("cpu", ProcessingFallback.Cpu)]
    [InlineData("None", ProcessingFallback.None)]
    public void Fallbacks_parse_in_any_case(string text, ProcessingFallback expected)
    {
        Assert.True(ProcessingChoice.TryParseFallback(text, out var fallback));
        Assert.Equal(expected, fallback);
    }
}
