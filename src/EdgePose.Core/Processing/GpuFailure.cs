namespace EdgePose.Core.Processing;

/// <summary>Why GPU processing cannot start: its class and the driver's own words (one line, with CUDA's error name).</summary>
public sealed record GpuFailure(GpuFailureKind Kind, string Detail)
{
    /// <summary>The class in words, e.g. "no CUDA device".</summary>
    public string Summary => Kind switch
    {
        GpuFailureKind.NoDriver => "no NVIDIA driver",
        GpuFailureKind.NoDevice => "no CUDA device",
        GpuFailureKind.PtxRefused => "the CUDA driver refused the kernels' PTX",
        GpuFailureKind.OutOfMemory => "out of GPU memory for the processing buffers",
        _ => "the GPU kernels could not start",
    };

    /// <summary>Summary and detail on one line: "no CUDA device (CUDA driver could not start: CUDA_ERROR_NO_DEVICE ...)".</summary>
    public override string ToString() => $"{Summary} ({OneLine(Detail)})";

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
