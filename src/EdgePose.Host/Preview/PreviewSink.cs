using System.Diagnostics;
using EdgePose.Core.Meta;
using EdgePose.Core.Pipeline;

namespace EdgePose.Host.Preview;

/// <summary>
/// The pipeline's sink for the MJPEG preview (<see cref="PreviewServer"/> makes it; add <see cref="PreviewServer.Sink"/>
/// to the pipeline's sinks). For each result it notes the person count; then, only when a client watches the
/// source and the source's frame-rate cap allows, it draws the poses on a scaled copy of the frame, encodes a
/// JPEG and keeps it as the source's latest. Nothing is queued for clients: they take the latest when ready.
/// Frames that are not 8-bit BGR in host memory are not drawn.
/// </summary>
public sealed class PreviewSink : IPoseSink
{
    private readonly IReadOnlyList<SourcePreview> _previews;
    private readonly PreviewRenderer[] _renderers;
    private readonly JpegEncoder _encoder;
    private readonly Lock _gate = new();
    private bool _disposed;

    internal PreviewSink(IReadOnlyList<SourcePreview> previews, PreviewOptions options, KeypointMeta meta, IReadOnlyDictionary<int, string> classNames)
    {
        _previews = previews;
        _encoder = new JpegEncoder(options.JpegQuality);
        var overlay = new PreviewOverlay(meta, classNames, options.KeypointThreshold);
        _renderers = [.. previews.Select(_ => new PreviewRenderer(overlay, _encoder, options.MaxWidth))];
    }

    public string Name => "preview";

    public bool NeedsPixels => true;

    /// <summary>JPEGs made so far, over all sources.</summary>
    public long Encoded { get; private set; }

    public ValueTask WriteAsync(FrameResult result, CancellationToken cancellationToken)
    {
        int index = result.Source.Index;
        if ((uint)index >= (uint)_previews.Count)
        {
            return ValueTask.CompletedTask;
        }

        var preview = _previews[index];
        preview.LastPersons = result.Poses.Count;
        if (preview.Watchers == 0 || result.Frame is not { } frame || !PreviewRenderer.CanRender(frame) || !preview.Pacer.TryTake(Stopwatch.GetTimestamp()))
        {
            return ValueTask.CompletedTask;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return ValueTask.CompletedTask;
            }

            var jpeg = _renderers[index].Render(frame, result.Poses, result.TrackIds, out int width, out int height);
            preview.Publish(jpeg, width, height);
            Encoded++;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                foreach (var r in _renderers)
                {
                    r.Dispose();
                }

                _encoder.Dispose();
            }
        }

        return ValueTask.CompletedTask;
    }
}
