using EdgePose.Core.Errors;
using OpenCvSharp;

namespace EdgePose.Native.OpenCv;

/// <summary>
/// A video file read through OpenCV's FFmpeg backend (OpenCvSharp's <see cref="VideoCapture"/>), with errors
/// that name the file. <see cref="Read"/> decodes the next frame into a Mat the caller reuses, so a steady
/// stream allocates nothing per frame. Live sources (cameras, URIs, pipelines) are not files and go elsewhere.
/// Not thread-safe.
/// </summary>
public sealed class VideoFileReader : IDisposable
{
    private readonly VideoCapture _capture;

    private VideoFileReader(VideoCapture capture, string path)
    {
        _capture = capture;
        Path = path;
    }

    public string Path { get; }

    /// <summary>The OpenCV backend that opened it (FFMPEG).</summary>
    public string Backend => _capture.GetBackendName();

    /// <summary>Frames per second the file declares (0 when it declares none).</summary>
    public double Fps => _capture.Fps;

    public int Width => _capture.FrameWidth;

    public int Height => _capture.FrameHeight;

    /// <summary>Frames in the file, or null when the container does not say.</summary>
    public long? FrameCount => _capture.FrameCount is var n and > 0 ? n : null;

    /// <summary>Index of the next frame <see cref="Read"/> returns.</summary>
    public long Position => _capture.PosFrames;

    /// <summary>Opens the video file at <paramref name="path"/>; a missing file or one FFmpeg cannot read is an <see cref="InputException"/> naming it.</summary>
    public static VideoFileReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            throw new InputException("video path is empty");
        }

        if (!File.Exists(path))
        {
            throw new InputException(Directory.Exists(path)
                ? $"video path is a folder, not a file: '{path}'"
                : $"video file not found: '{path}'");
        }

        VideoCapture capture;
        try
        {
            capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        }
        catch (OpenCVException e)
        {
            throw new InputException($"cannot open video '{path}': {e.ErrMsg}", e);
        }

        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw new InputException($"cannot open video '{path}': FFmpeg cannot read it (not a video, damaged, or a codec it lacks; --verbose shows FFmpeg's reason)");
        }

        return new VideoFileReader(capture, path);
    }

    /// <summary>
    /// Reads the next frame into <paramref name="destination"/> (8-bit BGR), which keeps its memory while the
    /// frame size stays the same. False at the end of the file.
    /// </summary>
    public bool Read(Mat destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        bool got;
        try
        {
            got = _capture.Read(destination);
        }
        catch (OpenCVException e)
        {
            throw new InputException($"cannot read a frame of video '{Path}': {e.ErrMsg}", e);
        }

        if (!got || destination.Empty())
        {
            return false;
        }

        if (destination.Type() != MatType.CV_8UC3)
        {
            throw new InputException($"video '{Path}' gives {destination.Channels()}-channel frames, not 8-bit BGR");
        }

        return true;
    }

    public void Dispose() => _capture.Dispose();
}
