using System.Diagnostics;
using EdgePose.Core.Pipeline;

namespace EdgePose.Host.Preview;

/// <summary>
/// Frames per second inferred per source, from the pipeline's counters sampled when the status is asked for:
/// each rate covers at least one second, so several pages polling at once see steady numbers. Thread-safe.
/// </summary>
internal sealed class SourceRates
{
    private static readonly TimeSpan s_window = TimeSpan.FromSeconds(1);
    private readonly Lock _lock = new();
    private readonly long[] _count;
    private readonly long[] _ticks;
    private readonly double[] _fps;

    public SourceRates(int sources)
    {
        _count = new long[sources];
        _ticks = new long[sources];
        _fps = new double[sources];
    }

    /// <summary>The latest rate of source <paramref name="index"/>, updated from <paramref name="counters"/> when a window has passed.</summary>
    public double Fps(int index, SourceCounters counters)
    {
        long now = Stopwatch.GetTimestamp();
        long inferred = counters.Inferred;
        lock (_lock)
        {
            if (_ticks[index] == 0)
            {
                (_ticks[index], _count[index]) = (now, inferred);
                return 0;
            }

            var elapsed = Stopwatch.GetElapsedTime(_ticks[index], now);
            if (elapsed >= s_window)
            {
                _fps[index] = (inferred - _count[index]) / elapsed.TotalSeconds;
                (_ticks[index], _count[index]) = (now, inferred);
            }

            return _fps[index];
        }
    }
}
