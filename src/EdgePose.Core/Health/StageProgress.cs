namespace EdgePose.Core.Health;

/// <summary>
/// Whether every stage of the pipeline made progress between two snapshots, for the systemd watchdog. A stage is
/// stuck when work was already waiting for it at the first snapshot and it finished nothing in the whole interval:
/// frames waiting and none inferred; results waiting and an output that finished none (dropping from its queue is not
/// finishing). Work that arrived during the interval does not count yet: a result inferred a moment before the second
/// snapshot is not late, and a slow first write (JIT, a first connection) is not a stuck stage. A stuck stage is
/// therefore named one interval after it stopped, at most two. A camera that sends nothing, with nothing waiting, is
/// not a stuck stage: that is the source's reconnect policy's business.
/// </summary>
public static class StageProgress
{
    /// <summary>Null when every stage moved or had nothing to do; otherwise which stage is stuck, in words.</summary>
    public static string? Stalled(ProgressSnapshot before, ProgressSnapshot now)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(now);
        if (now.Inferred == before.Inferred && before.WaitingForInference > 0)
        {
            return $"inference: {now.WaitingForInference} frames waiting, none inferred";
        }

        foreach (var (name, o) in now.Outputs)
        {
            long doneBefore = before.Outputs.TryGetValue(name, out var b) ? b.Done : 0;
            if (o.Done == doneBefore && before.WaitingFor(name) > 0)
            {
                return $"output {name}: {now.WaitingFor(name)} results waiting, none written";
            }
        }

        return null;
    }
}
