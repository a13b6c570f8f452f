namespace EdgePose.Host.Cli;

/// <summary>Process exit codes of the edgepose commands.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>An unexpected failure (a bug or an environment fault); the message says what.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: a missing or malformed file, a wrong option value, an unusable model.</summary>
    public const int BadInput = 2;

    /// <summary>Cancelled by Ctrl+C or SIGTERM.</summary>
    public const int Cancelled = 130;
}
