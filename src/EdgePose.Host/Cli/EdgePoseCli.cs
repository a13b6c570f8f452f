using System.CommandLine;
using EdgePose.Core.Errors;
using EdgePose.Host.Commands;

namespace EdgePose.Host.Cli;

/// <summary>The `edgepose` command tree. Each subcommand lives in its own file under Commands/.</summary>
public static class EdgePoseCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("EdgePose: real-time YOLO-pose inference for Jetson and CPU");
        root.Subcommands.Add(InfoCommand.Create());
        root.Subcommands.Add(PredictCommand.Create());
        root.Subcommands.Add(BuildEngineCommand.Create());
        root.Subcommands.Add(ValCommand.Create());
        return root;
    }

    /// <summary>Runs the command line; bad input ends with one line on stderr and a non-zero exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, CancellationToken ct = default)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            var parse = Build().Parse(args);
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
