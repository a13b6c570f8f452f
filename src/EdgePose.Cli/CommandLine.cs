using System.CommandLine;

namespace EdgePose.Cli;

/// <summary>
/// Runs a command tree: a command line that does not parse, and any exception a command lets escape,
/// end as one line "error: ..." on stderr and an exit code (<see cref="ExitCodes"/>).
/// </summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter? stdout, TextWriter? stderr, CancellationToken ct)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                return CommandErrors.ReportParseErrors(parse.Errors.Select(e => e.Message), stderr);
            }

            return await parse.InvokeAsync(config, ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return CommandErrors.Report(e, stderr);
        }
    }
}
