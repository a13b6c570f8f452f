namespace EdgePose.Core.Processing;

/// <summary>
/// The outcome of <see cref="ProcessingChoice.Decide"/>: the path to run on, or an <see cref="Error"/> to stop with
/// (exit code 1), and at most one line to log: <see cref="Info"/> (auto chose the CPU) or <see cref="Warning"/> (gpu
/// was asked for and the CPU fallback was taken).
/// </summary>
public sealed record ProcessingDecision(ProcessingPath Path, string? Info = null, string? Warning = null, string? Error = null)
{
    /// <summary>True when the run must stop with <see cref="Error"/>.</summary>
    public bool Fails => Error is not null;
}
