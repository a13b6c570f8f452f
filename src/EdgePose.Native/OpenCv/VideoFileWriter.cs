using EdgePose.Core.Errors;
using OpenCvSharp;

namespace EdgePose.Native.OpenCv;

/// <summary>
/// A video file written through OpenCV's FFmpeg backend (OpenCvSharp's <see cref="VideoWriter"/>): a fourcc
/// codec ("MJPG", "mp4v", ...) and 8-bit BGR frames of the size given to <see cref="Open"/>. Dispose
/// finishes the file (writes its index). Not thread-safe.
/// </summary>
public sealed class VideoFileWriter : IDisposable
{
    private readonly VideoWriter _writer;

    // The InputArray over the caller's (reused) frame Mat, kept so that a write allocates nothing.
    private Mat? _lastFrame;
    private InputArray? _lastInput;

    private VideoFileWriter(VideoWriter writer, string path, int width, int height)
    {
        _writer = writer;
        Path = path;
        Width = width;
        Height = height;
    }

    public string Path { get; }

    public int Width { get; }

    public int Height { get; }

    public static VideoFileWriter Open(string path, string fourcc, double fps, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(fourcc);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (!(fps > 0 && fps <= 1000))
        {
            throw new ArgumentOutOfRangeException(nameof(fps), fps, "fps must be in (0, 1000]");
        }

        if (path.Length == 0)
        {
            throw new InputException("video path is empty");
        }

        if (fourcc.Length != 4 || !fourcc.All(char.IsAscii))
        {
            throw new InputException($"video codec fourcc must be 4 ASCII characters, got '{fourcc}'");
        }

        if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder))
        {
            throw new InputException($"cannot write video '{path}': folder '{folder}' does not exist");
        }

        VideoWriter writer;
        try
        {
            writer = new VideoWriter(path, VideoCaptureAPIs.FFMPEG, FourCC.FromString(fourcc), fps, new Size(width, height), isColor: true);
        }
        catch (OpenCVException e)
        {
            throw new InputException($"cannot open video '{path}' for writing: {e.ErrMsg}", e);
        }

        if (!writer.IsOpened())
        {
            writer.Dispose();
            throw new InputException($"cannot open video '{path}' for writing: FFmpeg refused it (codec '{fourcc}' or container not available)");
        }

        return new VideoFileWriter(writer, path, width, height);
    }

    /// <summary>Appends one frame; it must be <see cref="Width"/> x <see cref="Height"/> 8-bit BGR.</summary>
    public void Write(Mat frame)
    {
        MatBgrView.CheckBgr(frame);
        if (frame.Cols != Width || frame.Rows != Height)
        {
            throw new ArgumentException($"frame is {frame.Cols}x{frame.Rows}; video '{Path}' takes {Width}x{Height}", nameof(frame));
        }

        if (!ReferenceEquals(frame, _lastFrame))
        {
            _lastInput?.Dispose();
            _lastInput = InputArray.Create(frame);
            _lastFrame = frame;
        }

        _writer.Write(_lastInput!);
    }

    public void Dispose()
    {
        _lastInput?.Dispose();
        _writer.Dispose();
    }
}
