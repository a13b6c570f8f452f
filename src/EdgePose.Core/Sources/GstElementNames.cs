namespace EdgePose.Core.Sources;

/// <summary>GStreamer elements whose presence changes the pipeline (JetPack's hardware elements).</summary>
public static class GstElementNames
{
    /// <summary>Jetson's hardware video decoder.</summary>
    public const string NvV4l2Decoder = "nvv4l2decoder";

    /// <summary>Jetson's hardware converter (NVMM to system memory, colour conversion, scaling).</summary>
    public const string NvVidConv = "nvvidconv";

    /// <summary>Jetson's CSI camera source (libargus).</summary>
    public const string NvArgusCameraSrc = "nvarguscamerasrc";

    /// <summary>The elements the edge looks up in the GStreamer registry for <see cref="SourcePipelineOptions.Elements"/>.</summary>
    public static readonly IReadOnlyList<string> Hardware = [NvV4l2Decoder, NvVidConv, NvArgusCameraSrc];
}
