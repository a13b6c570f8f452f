namespace EdgePose.Host.Run;

/// <summary>The command's stdout (summary, JSON Lines to "-") and stderr (logs, status line), given to the run's services.</summary>
public sealed record RunConsole(TextWriter Out, TextWriter Error);
