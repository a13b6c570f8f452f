namespace EdgePose.Core.Health;

/// <summary>
/// Whether every stage of the pipeline made progress between two snapshots, for the systemd watchdog. A stage is
/// stuck when it finished nothing in the interval although work was there for it: new frames captured, or frames
/// still waiting, and none inferred; new results inferred, or results still waiting, and an output that finished
/// none (dropping from its queue is not finishing). A camera that sends nothing, with nothing waiting, is not a
/// stuck stage: that is the source's reconnect policy's business.
/// </summary>
public static class StageProgress
{
    /// <summary>Null when every stage moved or had nothing to do; otherwise which stage is stuck, in words.</summary>
    public static string? Stalled(ProgressSnapshot before, ProgressSnapshot now)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(now);
        if (now.Inferred == before.Inferred && (now.Captured > before.Captured || now.WaitingForInference > 0))
        {
            return $"inference: {now.WaitingForInference} frames waiting, none inferred";
        }

        foreach (var (name, o) in now.Outputs)
        {
            long doneBefore = before.Outputs.TryGetValue(name, out var b) ? b.Done : 0;
            if (o.Done == doneBefore && (now.Inferred > before.Inferred || now.WaitingFor(name) > 0))
            {
                return $"output {name}: {now.WaitingFor(name)} results waiting, none written";
            }
        }

        return null;
    }
}
