using EdgePose.Core.Errors;

namespace EdgePose.Cli;

/// <summary>
/// How a command line reports what went wrong: one line "error: ..." on the stderr it is given and an
/// exit code (<see cref="ExitCodes"/>). Shared by edgepose and edgepose-train.
/// </summary>
public static class CommandErrors
{
    /// <summary>True for the exceptions that mean bad input (exit code <see cref="ExitCodes.BadInput"/>): the user can fix them.</summary>
    public static bool IsBadInput(Exception e) =>
        e is InputException or FormatException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException;

    /// <summary>Reports an exception escaping a command; returns its exit code.</summary>
    public static int Report(Exception e, TextWriter stderr)
    {
        var (code, message) = e switch
        {
            OperationCanceledException => (ExitCodes.Cancelled, "cancelled"),
            _ when IsBadInput(e) => (ExitCodes.BadInput, MessageOf(e)),
            // Never an exception type name: the message alone says what failed.
            _ => (ExitCodes.Failure, MessageOf(e)),
        };
        stderr.WriteLine("error: " + OneLine(message));
        return code;
    }

    /// <summary>An exception's message for a user: without the " (Parameter 'x')" that argument exceptions append.</summary>
    public static string MessageOf(Exception e)
    {
        var message = e.Message;
        if (e is ArgumentException { ParamName: { } name })
        {
            var suffix = $" (Parameter '{name}')";
            if (message.EndsWith(suffix, StringComparison.Ordinal))
            {
                message = message[..^suffix.Length];
            }
        }

        return message;
    }

    /// <summary>Reports the errors of a command line that did not parse on one line, joined by "; "; returns <see cref="ExitCodes.BadInput"/>.</summary>
    public static int ReportParseErrors(IEnumerable<string> messages, TextWriter stderr)
    {
        stderr.WriteLine("error: " + string.Join("; ", messages.Select(OneLine)));
        return ExitCodes.BadInput;
    }

    /// <summary>A message on one line: line breaks and tabs become single spaces.</summary>
    public static string OneLine(string s) =>
        string.Join(' ', s.ReplaceLineEndings(" ").Replace('\t', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
