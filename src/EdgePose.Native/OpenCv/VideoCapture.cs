using System.Runtime.InteropServices;
using EdgePose.Core.Errors;
using EdgePose.Native.OpenCv.Handles;
using EdgePose.Native.OpenCv.Interop;

namespace EdgePose.Native.OpenCv;

/// <summary>
/// Video input through OpenCV: a file, a URI (rtsp://, http://), a GStreamer pipeline or a camera.
/// <see cref="Read"/> decodes the next frame into a reused <see cref="BgrMat"/>. Not thread-safe.
/// </summary>
public sealed class VideoCapture : IDisposable
{
    private readonly CaptureHandle _capture;

    private VideoCapture(CaptureHandle capture, string source)
    {
        _capture = capture;
        Source = source;
        Backend = ReadBackend(capture);
    }

    /// <summary>What was opened: the path, URI or pipeline, or "camera N".</summary>
    public string Source { get; }

    /// <summary>The OpenCV backend that opened it: FFMPEG, GSTREAMER, V4L2, ...</summary>
    public string Backend { get; }

    /// <summary>Frames per second the source declares (0 when it declares none).</summary>
    public double Fps => Get(CvShim.CapFps);

    public int Width => (int)Get(CvShim.CapWidth);

    public int Height => (int)Get(CvShim.CapHeight);

    /// <summary>Frames in the source, or null when unknown (cameras, live streams).</summary>
    public long? FrameCount => Get(CvShim.CapFrameCount) is var n and > 0 ? (long)n : null;

    /// <summary>Index of the next frame <see cref="Read"/> returns.</summary>
    public long Position => (long)Get(CvShim.CapPosFrames);

    /// <summary>Time of the current position in milliseconds.</summary>
    public double PositionMilliseconds => Get(CvShim.CapPosMsec);

    /// <summary>
    /// Opens a video file, a URI or (with <see cref="VideoApi.GStreamer"/>) a pipeline. A missing file or a
    /// source no backend opens is an <see cref="InputException"/> naming the source.
    /// </summary>
    public static VideoCapture Open(string source, VideoApi api = VideoApi.Any)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Length == 0)
        {
            throw new InputException("video source is empty");
        }

        if (LooksLikeFile(source) && !File.Exists(source))
        {
            throw new InputException(Directory.Exists(source)
                ? $"video path is a folder, not a file: '{source}'"
                : $"video file not found: '{source}'");
        }

        var status = CvShim.CaptureOpen(source, (int)api, out var capture);
        return Opened(status, capture, source, $"cannot open video '{source}'");
    }

    /// <summary>Opens camera number <paramref name="index"/> (/dev/video&lt;index&gt; with V4L2).</summary>
    public static VideoCapture OpenCamera(int index, VideoApi api = VideoApi.Any)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var status = CvShim.CaptureOpenDevice(index, (int)api, out var capture);
        return Opened(status, capture, $"camera {index}", $"cannot open camera {index}");
    }

    /// <summary>
    /// Reads the next frame into <paramref name="destination"/>, which keeps its memory while the frame
    /// size stays the same. False at the end of the stream (the image is then left as it was).
    /// </summary>
    public bool Read(BgrMat destination)
    {
        CvCheck.ThrowIfFailed(CvShim.CaptureRead(Handle, destination.Handle, out var gotFrame));
        if (gotFrame == 0)
        {
            return false;
        }

        var info = destination.NativeInfo();
        if (info.Type != CvMatType.U8C3)
        {
            throw new InputException(
                $"video '{Source}' gives {info.Channels}-channel frames, not 8-bit BGR; end a GStreamer pipeline with 'videoconvert ! video/x-raw,format=BGR ! appsink'");
        }

        destination.Refresh(info);
        return true;
    }

    /// <summary>Asks the source for frames of this size (cameras); true when the backend accepts.</summary>
    public bool TrySetFrameSize(int width, int height) =>
        Set(CvShim.CapWidth, width) & Set(CvShim.CapHeight, height);

    /// <summary>Asks the source for this frame rate (cameras); true when the backend accepts.</summary>
    public bool TrySetFps(double fps) => Set(CvShim.CapFps, fps);

    public void Dispose() => _capture.Dispose();

    private CaptureHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_capture.IsClosed, this);
            return _capture;
        }
    }

    // Paths are checked before OpenCV sees them; URIs, pipelines and device nodes go straight to it.
    private static bool LooksLikeFile(string source) =>
        !source.Contains("://", StringComparison.Ordinal) && !source.Contains('!', StringComparison.Ordinal);

    private static VideoCapture Opened(OpenCvStatus status, CaptureHandle capture, string source, string failure)
    {
        if (status == OpenCvStatus.Ok)
        {
            return new VideoCapture(capture, source);
        }

        capture.Dispose();
        var message = CvCheck.LastError();
        throw status is OpenCvStatus.Open or OpenCvStatus.Unsupported
            ? new InputException($"{failure}: {message}")
            : CvCheck.ToException(status, message);
    }

    private static unsafe string ReadBackend(CaptureHandle capture)
    {
        CvCheck.ThrowIfFailed(CvShim.CaptureBackend(capture, out var name));
        return Marshal.PtrToStringUTF8((IntPtr)name) ?? string.Empty;
    }

    private double Get(int property)
    {
        CvCheck.ThrowIfFailed(CvShim.CaptureGet(Handle, property, out var value));
        return value;
    }

    private bool Set(int property, double value)
    {
        CvCheck.ThrowIfFailed(CvShim.CaptureSet(Handle, property, value, out var accepted));
        return accepted != 0;
    }
}
