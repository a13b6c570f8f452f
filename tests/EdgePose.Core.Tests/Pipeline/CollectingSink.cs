using System.Collections.Concurrent;
using EdgePose.Core.Pipeline;

namespace EdgePose.Core.Tests.Pipeline;

/// <summary>A sink that records what it was given (source, sequence, size, first box), optionally slowly or failing.</summary>
internal sealed class CollectingSink(string name = "collect", TimeSpan? delay = null, bool fail = false) : IPoseSink
{
    public ConcurrentQueue<(string Source, long Sequence, int Width, float X1, float X2, int Persons)> Results { get; } = new();

    public int Completed;

    public string Name => name;

    public bool NeedsPixels => true;

    public async ValueTask WriteAsync(FrameResult result, CancellationToken cancellationToken)
    {
        if (delay is { } d)
        {
            await Task.Delay(d, cancellationToken);
        }

        if (fail)
        {
            throw new IOException("disk full");
        }

        var box = result.Poses.Count > 0 ? result.Poses.Box(0).ToArray() : [0f, 0, 0, 0];
        Results.Enqueue((result.Source.Id, result.Sequence, result.Width, box[0], box[2], result.Poses.Count));
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Completed);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public long Count(string source) => Results.Count(r => r.Source == source);
}
