using System.CommandLine;
using EdgePose.Cli;
using EdgePose.Host.Commands;

namespace EdgePose.Host.Cli;

/// <summary>The `edgepose` command tree. Each subcommand lives in its own file under Commands/.</summary>
public static class EdgePoseCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("EdgePose: real-time YOLO-pose inference for Jetson and CPU");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(InfoCommand.Create());
        root.Subcommands.Add(PredictCommand.Create());
        root.Subcommands.Add(BuildEngineCommand.Create());
        root.Subcommands.Add(ValCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(EventsCommand.Create());
        return root;
    }

    /// <summary>Runs the command line; bad input ends with one line on stderr and a non-zero exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, CancellationToken ct = default) =>
        CommandLine.RunAsync(Build(), args, stdout, stderr, ct);
}
