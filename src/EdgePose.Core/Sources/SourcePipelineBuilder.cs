using System.Globalization;
using System.Text;
using EdgePose.Core.Errors;

namespace EdgePose.Core.Sources;

/// <summary>
/// Builds the GStreamer pipeline (gst-launch syntax) that reads a <see cref="SourceUri"/> into an appsink
/// named "sink", as BGR or NV12 in system memory:
/// <list type="bullet">
/// <item>RTSP: rtspsrc latency=0 over TCP or UDP, decodebin (or nvv4l2decoder ! nvvidconv where JetPack has them);
/// its end of stream is a failure (<see cref="SourcePipeline.EndIsFailure"/>: the server went away);</item>
/// <item>files: filesrc ! decodebin, every frame, the reader's pace (nothing dropped);</item>
/// <item>cameras: v4l2src; CSI: nvarguscamerasrc ! nvvidconv; tests: videotestsrc;</item>
/// <item>live sources end in "appsink drop=true max-buffers=1 sync=false": the newest frame, no queue.</item>
/// </list>
/// Pure: which hardware elements exist is in <see cref="SourcePipelineOptions.Elements"/>.
/// </summary>
public static class SourcePipelineBuilder
{
    public static SourcePipeline Build(SourceUri source, SourcePipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        return source.Kind switch
        {
            SourceKind.Rtsp => Live(Rtsp(source.Location, options)) with { EndIsFailure = true },
            SourceKind.VideoFile => new SourcePipeline($"filesrc location={Quote(source.Location)} ! {Decode} ! {Convert(options, nvmm: options.Has(GstElementNames.NvVidConv))} ! {FileSink(options)}", IsLive: false),
            SourceKind.Camera => Live($"v4l2src device={Quote(source.Location)}{Caps("video/x-raw", source.Mode)} ! {Convert(options, nvmm: false)}"),
            SourceKind.Csi => Live(Csi(source, options)),
            SourceKind.TestPattern => TestPattern(source, options),
            SourceKind.Pipeline => Pipeline(source.Location, options),
            _ => throw new InputException($"source '{source.Display}' is {Describe(source.Kind)}, not a video source"),
        };
    }

    /// <summary>
    /// A value quoted for gst-launch: in double quotes, with backslashes and double quotes escaped, so
    /// that spaces, '!' and quotes in a path or URL stay part of the value.
    /// </summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.Append('"').ToString();
    }

    private static string Describe(SourceKind kind) => kind == SourceKind.Image ? "an image" : "a folder of images";

    private static SourcePipeline Live(string head) =>
        new($"{head} ! {LiveSink()}", IsLive: true);

    private static string Rtsp(string url, SourcePipelineOptions options)
    {
        var protocols = options.RtspTransport == RtspTransport.Tcp ? "tcp" : "udp";
        var src = $"rtspsrc location={Quote(url)} latency={options.RtspLatencyMs.ToString(CultureInfo.InvariantCulture)} protocols={protocols} ! application/x-rtp,media=video";
        if (options.Has(GstElementNames.NvV4l2Decoder) && options.Has(GstElementNames.NvVidConv) && options.RtspCodec != VideoCodec.Auto)
        {
            var codec = options.RtspCodec == VideoCodec.H265 ? "h265" : "h264";
            return $"{src} ! rtp{codec}depay ! {codec}parse ! {GstElementNames.NvV4l2Decoder} ! {Convert(options, nvmm: true)}";
        }

        return $"{src} ! {Decode} ! {Convert(options, nvmm: false)}";
    }

    // decodebin picks JetPack's decoder by rank where it exists; Convert then puts nvvidconv after it.
    private const string Decode = "decodebin";

    private static string Csi(SourceUri source, SourcePipelineOptions options)
    {
        if (!options.Has(GstElementNames.NvArgusCameraSrc) || !options.Has(GstElementNames.NvVidConv))
        {
            throw new InputException($"source '{source.Display}' needs the JetPack elements {GstElementNames.NvArgusCameraSrc} and {GstElementNames.NvVidConv}, which this GStreamer does not have");
        }

        var mode = source.Mode with
        {
            Width = source.Mode.Width ?? 1280,
            Height = source.Mode.Height ?? 720,
            Fps = source.Mode.Fps ?? 30,
        };
        return $"{GstElementNames.NvArgusCameraSrc} sensor-id={source.Location}{Caps("video/x-raw(memory:NVMM)", mode)} ! {Convert(options, nvmm: true)}";
    }

    private static SourcePipeline TestPattern(SourceUri source, SourcePipelineOptions options)
    {
        var t = source.Test;
        var frames = t.Frames is { } n ? FormattableString.Invariant($" num-buffers={n}") : string.Empty;
        var mode = source.Mode with
        {
            Width = source.Mode.Width ?? 640,
            Height = source.Mode.Height ?? 480,
            Fps = source.Mode.Fps ?? 30,
        };
        var head = $"videotestsrc pattern={t.Pattern} is-live={(t.Live ? "true" : "false")}{frames}{Caps("video/x-raw", mode)} ! {Convert(options, nvmm: false)}";
        return t.Live ? new SourcePipeline($"{head} ! {LiveSink()}", IsLive: true) : new SourcePipeline($"{head} ! {FileSink(options)}", IsLive: false);
    }

    private static SourcePipeline Pipeline(string raw, SourcePipelineOptions options) =>
        raw.Contains("appsink", StringComparison.Ordinal)
            ? new SourcePipeline(raw, IsLive: true)
            : new SourcePipeline($"{raw} ! {Convert(options, nvmm: false)} ! {LiveSink()}", IsLive: true);

    /// <summary>
    /// Conversion to the wanted format in system memory. After an element that may give NVMM memory
    /// (JetPack's decoder or camera source) nvvidconv does the work and videoconvert finishes BGRx to BGR;
    /// elsewhere videoconvert alone.
    /// </summary>
    private static string Convert(SourcePipelineOptions options, bool nvmm)
    {
        return (options.PixelFormat, nvmm) switch
        {
            (FramePixelFormat.Nv12, true) => $"{GstElementNames.NvVidConv} ! video/x-raw,format=NV12",
            (FramePixelFormat.Nv12, false) => "videoconvert ! video/x-raw,format=NV12",
            (_, true) => $"{GstElementNames.NvVidConv} ! video/x-raw,format=BGRx ! videoconvert ! video/x-raw,format=BGR",
            _ => "videoconvert ! video/x-raw,format=BGR",
        };
    }

    private static string Caps(string media, CaptureMode mode)
    {
        if (mode.Width is null && mode.Height is null && mode.Fps is null)
        {
            return string.Empty;
        }

        var sb = new StringBuilder(" ! ").Append(media);
        if (mode.Width is { } w)
        {
            sb.Append(CultureInfo.InvariantCulture, $",width={w}");
        }

        if (mode.Height is { } h)
        {
            sb.Append(CultureInfo.InvariantCulture, $",height={h}");
        }

        if (mode.Fps is { } f)
        {
            sb.Append(CultureInfo.InvariantCulture, $",framerate={f}/1");
        }

        return sb.ToString();
    }

    private static string LiveSink() => $"appsink name={SourcePipeline.SinkName} drop=true max-buffers=1 sync=false enable-last-sample=false";

    private static string FileSink(SourcePipelineOptions options) =>
        FormattableString.Invariant($"appsink name={SourcePipeline.SinkName} drop=false max-buffers={options.FileQueueFrames} sync=false enable-last-sample=false");
}
