using System.Diagnostics;
using EdgePose.Core.Frames;
using EdgePose.Core.Pipeline;

namespace EdgePose.Core.Tests.Pipeline;

/// <summary>What a scripted source does: its frame rate, how many frames, and how it fails.</summary>
internal sealed record ScriptedSource
{
    /// <summary>Frames per second a live source produces (0: as fast as read, like a file).</summary>
    public double Fps { get; init; }

    /// <summary>Frames before the end (or before <see cref="FailAfter"/>'s failure); null: endless.</summary>
    public int? Frames { get; init; }

    /// <summary>Opens that fail before one succeeds.</summary>
    public int FailedOpens { get; init; }

    /// <summary>Each session throws after this many frames (a stream dying mid-run).</summary>
    public int? FailAfter { get; init; }

    /// <summary>Each session stalls (reads report Stalled) after this many frames.</summary>
    public int? StallAfter { get; init; }

    /// <summary>Frame size; changes to <see cref="SecondShape"/> after <see cref="ShapeChangeAfter"/> frames.</summary>
    public FrameShape Shape { get; init; } = new(TinyPoseEngine.Size, TinyPoseEngine.Size, PixelFormat.Bgr24);

    public FrameShape? SecondShape { get; init; }

    public int ShapeChangeAfter { get; init; }
}

/// <summary>Opens <see cref="ScriptedSource"/>s by source id; counts opens.</summary>
internal sealed class ScriptedReaders : IFrameReaderFactory
{
    private readonly Dictionary<string, ScriptedSource> _scripts;
    private readonly Dictionary<string, int> _opens = [];
    private readonly Lock _lock = new();

    public ScriptedReaders(Dictionary<string, ScriptedSource> scripts)
    {
        _scripts = scripts;
    }

    public int Opens(string id)
    {
        lock (_lock)
        {
            return _opens.GetValueOrDefault(id);
        }
    }

    public IFrameReader Open(PipelineSource source, TimeSpan openTimeout, TimeSpan readTimeout)
    {
        var script = _scripts[source.Id];
        int n;
        lock (_lock)
        {
            n = _opens[source.Id] = _opens.GetValueOrDefault(source.Id) + 1;
        }

        if (n <= script.FailedOpens)
        {
            throw new InvalidOperationException($"source '{source.Id}' could not be reached (attempt {n})");
        }

        return new Reader(source.Id, script, readTimeout);
    }

    private sealed class Reader(string id, ScriptedSource script, TimeSpan readTimeout) : IFrameReader
    {
        private readonly long _start = Stopwatch.GetTimestamp();
        private int _read;
        private bool _changed;

        public FrameShape Shape { get; private set; } = script.Shape;

        public FrameRead Read(Frame frame, CancellationToken cancellationToken)
        {
            if (script.SecondShape is { } second && !_changed && _read == script.ShapeChangeAfter)
            {
                _changed = true;
                Shape = second;
                return FrameRead.FormatChanged;
            }

            if (script.FailAfter is { } fail && _read >= fail)
            {
                throw new InvalidOperationException($"source '{id}' failed: connection reset");
            }

            if (script.StallAfter is { } stall && _read >= stall)
            {
                cancellationToken.WaitHandle.WaitOne(readTimeout);
                return FrameRead.Stalled;
            }

            if (script.Frames is { } frames && _read >= frames)
            {
                return FrameRead.EndOfStream;
            }

            if (script.Fps > 0)
            {
                var due = TimeSpan.FromSeconds((_read + 1) / script.Fps) - Stopwatch.GetElapsedTime(_start);
                if (due > TimeSpan.Zero && cancellationToken.WaitHandle.WaitOne(due))
                {
                    return FrameRead.Stalled;
                }
            }

            frame.Pixels.Fill((byte)(_read % 251));
            _read++;
            return new FrameRead(FrameReadOutcome.Frame, TimeSpan.FromSeconds(_read / 25.0));
        }

        public void Dispose()
        {
        }
    }
}
