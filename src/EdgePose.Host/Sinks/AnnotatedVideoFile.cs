using System.Globalization;
using EdgePose.Cli.Files;
using EdgePose.Core.Frames;
using EdgePose.Native.OpenCv;
using OpenCvSharp;

namespace EdgePose.Host.Sinks;

/// <summary>
/// One source's annotated video: the canvas its frames are copied onto for drawing, and the video file they are
/// written to. Each file is written under a temporary name and renamed onto its real name when closed, so a
/// crash never leaves an unplayable file (an MP4 without its index) under the real name. When the frame size
/// changes mid-stream the file is closed and a new segment begins at the new size: "door.mp4", then
/// "door.1.mp4", "door.2.mp4", ... Not thread-safe.
/// </summary>
internal sealed class AnnotatedVideoFile : IDisposable
{
    private readonly string _path;
    private readonly string _fourcc;
    private readonly double _fps;
    private readonly List<string> _files = [];
    private PendingFile? _pending;
    private VideoFileWriter? _writer;
    private Mat? _nv12;

    public AnnotatedVideoFile(string path, string fourcc, double fps)
    {
        _path = path;
        _fourcc = fourcc;
        _fps = fps;
    }

    /// <summary>The frame being drawn, BGR at the current segment's size (null before the first frame).</summary>
    public Mat? Canvas { get; private set; }

    /// <summary>Files finished so far (each segment once closed), in order.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>Frames written to the current segment.</summary>
    public long FramesInSegment { get; private set; }

    /// <summary>
    /// Copies <paramref name="frame"/> (BGR or NV12 in host memory) onto <see cref="Canvas"/>, first starting a new
    /// segment when its size differs from the current one. Allocates only when a segment starts.
    /// </summary>
    public Mat Load(Frame frame)
    {
        if (frame.Location != Core.Engines.MemoryLocation.Host)
        {
            throw new InvalidOperationException("the annotated video needs frames in host memory; this frame is in device memory");
        }

        if (Canvas is null || Canvas.Cols != frame.Width || Canvas.Rows != frame.Height)
        {
            StartSegment(frame.Width, frame.Height);
        }

        var canvas = Canvas!;
        var pixels = frame.Pixels;
        if (frame.Format == PixelFormat.Bgr24)
        {
            int row = frame.Width * MatBgrView.Channels;
            for (int y = 0; y < frame.Height; y++)
            {
                pixels.Slice(y * frame.Stride, row).CopyTo(canvas.BgrRow(y));
            }
        }
        else
        {
            CopyNv12(frame, pixels, canvas);
        }

        return canvas;
    }

    /// <summary>Appends the canvas to the current segment.</summary>
    public void WriteCanvas()
    {
        _writer!.Write(Canvas!);
        FramesInSegment++;
    }

    /// <summary>Finishes the current segment (its index written, renamed onto its real name).</summary>
    public void Close()
    {
        if (_writer is null)
        {
            return;
        }

        _writer.Dispose();
        _writer = null;
        _pending!.Commit();
        _files.Add(_pending.Target);
        _pending.Dispose();
        _pending = null;
    }

    public void Dispose()
    {
        Close();
        Canvas?.Dispose();
        Canvas = null;
        _nv12?.Dispose();
        _nv12 = null;
    }

    /// <summary>"door.mp4" for the first segment, "door.1.mp4" for the second, ...</summary>
    internal static string SegmentPath(string path, int segment)
    {
        if (segment == 0)
        {
            return path;
        }

        var ext = Path.GetExtension(path);
        return string.Concat(path.AsSpan(0, path.Length - ext.Length), ".", segment.ToString(CultureInfo.InvariantCulture), ext);
    }

    private void StartSegment(int width, int height)
    {
        Close();
        var target = SegmentPath(_path, _files.Count);
        var pending = PendingFile.For(target);
        try
        {
            _writer = VideoFileWriter.Open(pending.TempPath, _fourcc, _fps, width, height);
        }
        catch
        {
            pending.Dispose();
            throw;
        }

        _pending = pending;
        FramesInSegment = 0;
        Canvas?.Dispose();
        Canvas = new Mat(height, width, MatType.CV_8UC3);
    }

    private unsafe void CopyNv12(Frame frame, Span<byte> pixels, Mat canvas)
    {
        int rows = frame.Height * 3 / 2;
        if (_nv12 is null || _nv12.Cols != frame.Width || _nv12.Rows != rows)
        {
            _nv12?.Dispose();
            _nv12 = new Mat(rows, frame.Width, MatType.CV_8UC1);
        }

        long step = _nv12.Step();
        for (int y = 0; y < rows; y++)
        {
            pixels.Slice(y * frame.Stride, frame.Width).CopyTo(new Span<byte>((byte*)_nv12.Data + (y * step), frame.Width));
        }

        Cv2.CvtColor(_nv12, canvas, ColorConversionCodes.YUV2BGR_NV12);
    }
}
