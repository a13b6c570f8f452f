using EdgePose.Core.Errors;

namespace EdgePose.Train.Cli;

/// <summary>
/// Turns an exception escaping a command into one line on stderr and an exit code, as edgepose does
/// (EdgePose.Host.Cli.CommandErrors; one shared helper may move to Core later).
/// </summary>
public static class CommandErrors
{
    public static int Report(Exception e, TextWriter stderr)
    {
        var (code, message) = e switch
        {
            OperationCanceledException => (ExitCodes.Cancelled, "cancelled"),
            InputException or FormatException or InvalidDataException or FileNotFoundException
                or DirectoryNotFoundException or UnauthorizedAccessException => (ExitCodes.BadInput, e.Message),
            _ => (ExitCodes.Failure, $"{e.GetType().Name}: {e.Message}"),
        };
        stderr.WriteLine("error: " + OneLine(message));
        return code;
    }

    /// <summary>A message on one line: line breaks and tabs become single spaces.</summary>
    public static string OneLine(string s) =>
        string.Join(' ', s.ReplaceLineEndings(" ").Replace('\t', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
