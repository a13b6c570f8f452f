using EdgePose.Core.Pipeline;

namespace EdgePose.Core.Health;

/// <summary>
/// /healthz's rule for the sources: healthy while every source is live, or has been away (connecting, stalled,
/// reconnecting) for no longer than the grace its reconnect policy gets. A source that failed for good, or that
/// is away longer, makes the service unhealthy; a file source that ended is done, not unhealthy.
/// </summary>
public static class SourceHealth
{
    /// <summary>Why the service is unhealthy, one reason per source, or empty when it is healthy.</summary>
    /// <param name="awaySince">Per source (by index): when it was last seen leaving the live state, or null while it is live.</param>
    public static IReadOnlyList<string> Problems(IReadOnlyList<(string Id, SourceState State)> sources, IReadOnlyList<DateTimeOffset?> awaySince, DateTimeOffset now, TimeSpan grace)
    {
        var problems = new List<string>();
        for (int i = 0; i < sources.Count; i++)
        {
            var (id, state) = sources[i];
            if (state == SourceState.Failed)
            {
                problems.Add($"source {id} failed");
            }
            else if (state is not (SourceState.Live or SourceState.Ended) && awaySince[i] is { } since && now - since > grace)
            {
                problems.Add($"source {id} {state.ToString().ToLowerInvariant()} for {(now - since).TotalSeconds:0} s");
            }
        }

        return problems;
    }
}
