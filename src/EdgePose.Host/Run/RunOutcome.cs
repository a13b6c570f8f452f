using EdgePose.Cli;

namespace EdgePose.Host.Run;

/// <summary>How the run ended, set by <see cref="PipelineService"/> and returned as the exit code.</summary>
public sealed class RunOutcome
{
    public int ExitCode { get; set; } = ExitCodes.Ok;

    /// <summary>The one-line error to print when the run could not start (bad model, no usable source).</summary>
    public string? Error { get; set; }
}
