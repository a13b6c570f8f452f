namespace EdgePose.Core.Pipeline;

/// <summary>
/// How a lost live source is retried: exponential backoff from <see cref="InitialDelay"/>, with jitter, capped at
/// <see cref="MaxDelay"/>, for ever (until shutdown). The first attempt after a loss is immediate.
/// </summary>
public sealed record ReconnectOptions
{
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Randomise each delay (decorrelated jitter), so cameras that dropped together do not retry in step.</summary>
    public bool Jitter { get; init; } = true;
}
