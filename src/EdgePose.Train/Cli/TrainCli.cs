using System.CommandLine;
using EdgePose.Cli;
using EdgePose.Train.Commands;
using EdgePose.Train.Torch;
using EdgePose.Native.OpenCv;
using Serilog;

namespace EdgePose.Train.Cli;

/// <summary>The `edgepose-train` command tree. Each subcommand lives in its own file under Commands/.</summary>
public static class TrainCli
{
    public static RootCommand Build(ILogger log)
    {
        var root = new RootCommand("edgepose-train: train, validate, export and inspect EdgePose pose models, and data set tools");
        root.Subcommands.Add(DataCommand.Create(log));
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(ValCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(InfoCommand.Create());
        return root;
    }

    /// <summary>Runs the command line; bad input ends with one line on stderr and a non-zero exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, CancellationToken ct = default)
    {
        TorchLogLevel.QuietUnlessSet();
        using var log = CliLogging.Create(stderr ?? Console.Error);
        OpenCvLogging.ForCommand(verbose: false);
        return await CommandLine.RunAsync(Build(log), args, stdout, stderr, ct).ConfigureAwait(false);
    }
}
