using EdgePose.Train.Cli;

namespace EdgePose.Train.Tests;

/// <summary>Runs edgepose-train in-process and keeps what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Of(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = TrainCli.RunAsync(args, o, e).GetAwaiter().GetResult();
        return new CliRun(code, o.ToString(), e.ToString());
    }

    /// <summary>The lines of stderr that are errors (not log lines).</summary>
    public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToArray();

    public string SingleError()
    {
        Assert.True(ExitCode != 0, $"expected a failure, got exit 0; stderr: {Stderr}");
        return Assert.Single(ErrorLines);
    }
}
