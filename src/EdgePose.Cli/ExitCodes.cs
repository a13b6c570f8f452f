namespace EdgePose.Cli;

/// <summary>Process exit codes of the edgepose and edgepose-train commands.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>An unexpected failure (a bug or an environment fault); the message says what.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: a missing or malformed file, a wrong option value, an unusable model, an output folder in use.</summary>
    public const int BadInput = 2;

    /// <summary>A check found problems: <c>edgepose-train data check</c> found errors in the data set (or warnings, with --strict).</summary>
    public const int CheckFailed = 3;

    /// <summary>Cancelled by Ctrl+C (SIGINT), 128 + 2.</summary>
    public const int Cancelled = 130;

    /// <summary>Cancelled by SIGTERM, 128 + 15.</summary>
    public const int Terminated = 143;
}
