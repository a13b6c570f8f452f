using System.Globalization;
using EdgePose.Core.Drawing;
using EdgePose.Core.Errors;
using EdgePose.Core.Meta;
using EdgePose.Core.Pipeline;
using EdgePose.Native.Drawing;

namespace EdgePose.Host.Sinks;

/// <summary>
/// Draws each result's boxes and skeletons (the overlay `predict` draws) onto a copy of its frame and writes one
/// video file per source, named by a path pattern with "{source}" (e.g. "runs/run/{source}.mp4"), through
/// OpenCV's FFmpeg writer. Videos play at a fixed frame rate (the results of a live source come at whatever
/// rate the pipeline keeps up with). When a source's frame size changes, its file is finished and a new segment
/// starts at the new size ("door.mp4", "door.1.mp4", ...), so no frame is stretched. Files appear under their
/// real names when finished (<see cref="CompleteAsync"/>, or dispose after a cut-short run).
/// </summary>
public sealed class AnnotatedVideoSink : IPoseSink
{
    /// <summary>The placeholder in the path pattern that becomes the source's id.</summary>
    public const string SourcePlaceholder = "{source}";

    private const string What = "annotated video";
    private readonly string _pattern;
    private readonly KeypointMeta _meta;
    private readonly IReadOnlyDictionary<int, string> _classNames;
    private readonly string _fourcc;
    private readonly double _fps;
    private readonly List<DrawCommand> _overlay = [];
    private readonly Dictionary<int, AnnotatedVideoFile> _videos = [];
    private bool _closed;

    /// <summary>
    /// A sink writing "{source}" videos; nothing is opened until a source's first frame. A pattern without
    /// "{source}", a bad codec or frame rate, or a folder (without "{source}" in it) that does not exist is an
    /// <see cref="InputException"/> naming it, thrown here.
    /// </summary>
    /// <param name="pathPattern">Where each source's video goes, with "{source}" for its id, e.g. "runs/run/{source}.mp4".</param>
    /// <param name="meta">The model's keypoints: skeleton and colours.</param>
    /// <param name="classNames">Class names for the labels (e.g. {0: "person"}).</param>
    /// <param name="fps">Frame rate written in the files.</param>
    /// <param name="fourcc">Codec: "mp4v" for .mp4, "MJPG" for .avi, ...</param>
    public AnnotatedVideoSink(string pathPattern, KeypointMeta meta, IReadOnlyDictionary<int, string> classNames, double fps = 25, string fourcc = "mp4v")
    {
        ArgumentNullException.ThrowIfNull(pathPattern);
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(classNames);
        if (!pathPattern.Contains(SourcePlaceholder, StringComparison.Ordinal))
        {
            throw new InputException($"{What} path '{pathPattern}' has no {SourcePlaceholder}: each source needs its own file");
        }

        if (!(fps > 0 && fps <= 1000))
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{What} frame rate {fps} is not in (0, 1000]"));
        }

        if (fourcc.Length != 4 || !fourcc.All(char.IsAscii))
        {
            throw new InputException($"{What} codec '{fourcc}' is not 4 ASCII characters (e.g. mp4v, MJPG)");
        }

        var folder = Path.GetDirectoryName(pathPattern);
        if (!string.IsNullOrEmpty(folder) && !folder.Contains(SourcePlaceholder, StringComparison.Ordinal) && !Directory.Exists(folder))
        {
            throw new InputException($"cannot write {What} '{pathPattern}': folder '{folder}' does not exist");
        }

        _pattern = pathPattern;
        _meta = meta;
        _classNames = classNames;
        _fps = fps;
        _fourcc = fourcc;
    }

    public string Name => "video";

    public bool NeedsPixels => true;

    /// <summary>Every file finished so far (all of them after <see cref="CompleteAsync"/>), in the order finished.</summary>
    public IReadOnlyList<string> Files => [.. _videos.Values.SelectMany(v => v.Files)];

    /// <summary>The file of <paramref name="sourceId"/>'s first segment (its id made safe as a file name).</summary>
    public string PathFor(string sourceId) => _pattern.Replace(SourcePlaceholder, SafeFileName(sourceId), StringComparison.Ordinal);

    public ValueTask WriteAsync(FrameResult result, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        var frame = result.Frame ?? throw new InvalidOperationException("the result holds no frame: the pipeline keeps frames only for sinks that need pixels");
        var source = result.Source;
        if (!_videos.TryGetValue(source.Index, out var video))
        {
            var path = PathFor(source.Id);
            SinkPaths.RequireWritableFile(path, What);
            video = new AnnotatedVideoFile(path, _fourcc, _fps);
            _videos.Add(source.Index, video);
        }

        var canvas = video.Load(frame);
        var style = PoseDrawStyle.ForImage(canvas.Cols, canvas.Rows);
        PredictionOverlay.Build(_overlay, result.Poses, _meta, _classNames, style, trackIds: result.TrackIds);
        OverlayPainter.Paint(canvas, _overlay, style.FontScale);
        video.WriteCanvas();
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        CloseAll();
        return ValueTask.CompletedTask;
    }

    /// <summary>Finishes every file (also after a run cut short: what was written is kept).</summary>
    public ValueTask DisposeAsync()
    {
        CloseAll();
        return ValueTask.CompletedTask;
    }

    /// <summary><paramref name="id"/> with characters that cannot be in a file name (and path separators) replaced by '_'.</summary>
    internal static string SafeFileName(string id)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var s = string.Create(id.Length, id, (span, text) =>
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                span[i] = Array.IndexOf(invalid, c) >= 0 || c == '\\' || char.IsControl(c) ? '_' : c;
            }
        });
        return s is "" or "." or ".." ? "_" + s : s;
    }

    private void CloseAll()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        List<Exception>? errors = null;
        foreach (var video in _videos.Values)
        {
            try
            {
                video.Dispose();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                (errors ??= []).Add(e);
            }
        }

        if (errors is not null)
        {
            throw new IOException($"{What}: {errors.Count} file(s) could not be finished: {errors[0].Message}", errors[0]);
        }
    }
}
