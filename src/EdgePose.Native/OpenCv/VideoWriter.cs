using EdgePose.Core.Errors;
using EdgePose.Native.OpenCv.Handles;
using EdgePose.Native.OpenCv.Interop;

namespace EdgePose.Native.OpenCv;

/// <summary>
/// Video output through OpenCV: a file encoded by a fourcc codec ("mp4v", "MJPG", "XVID", ...) or, with
/// <see cref="VideoApi.GStreamer"/>, a pipeline starting at appsrc. Frames are 8-bit BGR of the size given
/// to <see cref="Open"/>. Dispose finishes the file. Not thread-safe.
/// </summary>
public sealed class VideoWriter : IDisposable
{
    private readonly WriterHandle _writer;

    private VideoWriter(WriterHandle writer, string destination, int width, int height)
    {
        _writer = writer;
        Destination = destination;
        Width = width;
        Height = height;
    }

    public string Destination { get; }

    public int Width { get; }

    public int Height { get; }

    public static VideoWriter Open(string destination, string fourcc, double fps, int width, int height, VideoApi api = VideoApi.Any)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(fourcc);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (!(fps > 0 && fps <= 1000))
        {
            throw new ArgumentOutOfRangeException(nameof(fps), fps, "fps must be in (0, 1000]");
        }

        if (destination.Length == 0)
        {
            throw new InputException("video destination is empty");
        }

        if (fourcc.Length != 4 || !fourcc.All(char.IsAscii))
        {
            throw new InputException($"video codec fourcc must be 4 ASCII characters, got '{fourcc}'");
        }

        if (api != VideoApi.GStreamer && Path.GetDirectoryName(Path.GetFullPath(destination)) is { } folder && !Directory.Exists(folder))
        {
            throw new InputException($"cannot write video '{destination}': folder '{folder}' does not exist");
        }

        var status = CvShim.WriterOpen(destination, (int)api, fourcc, fps, width, height, out var writer);
        if (status == OpenCvStatus.Ok)
        {
            return new VideoWriter(writer, destination, width, height);
        }

        writer.Dispose();
        var message = CvCheck.LastError();
        throw status is OpenCvStatus.Open or OpenCvStatus.Unsupported or OpenCvStatus.Argument
            ? new InputException($"cannot open video '{destination}' for writing: {message}")
            : CvCheck.ToException(status, message);
    }

    /// <summary>Appends one frame; it must be <see cref="Width"/> x <see cref="Height"/>.</summary>
    public void Write(BgrMat frame)
    {
        if (frame.Width != Width || frame.Height != Height)
        {
            throw new ArgumentException($"frame is {frame.Width}x{frame.Height}; video '{Destination}' takes {Width}x{Height}", nameof(frame));
        }

        CvCheck.ThrowIfFailed(CvShim.WriterWrite(Handle, frame.Handle));
    }

    public void Dispose() => _writer.Dispose();

    private WriterHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_writer.IsClosed, this);
            return _writer;
        }
    }
}
