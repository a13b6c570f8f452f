using System.Diagnostics;
using EdgePose.Host.Cli;

namespace EdgePose.Host.Tests.Support;

/// <summary>Runs `edgepose` in-process (or as a child process where the environment must differ) and captures its output.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The lines on stderr that are errors (log lines excluded).</summary>
    public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToArray();

    public static async Task<CliRun> InProcess(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await EdgePoseCli.RunAsync(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Starts the built edgepose.dll with extra environment variables.</summary>
    public static CliRun Process(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Process(environment, args, AppContext.BaseDirectory);

    /// <summary>Starts the edgepose.dll in <paramref name="appDirectory"/> with extra environment variables.</summary>
    public static CliRun Process(IReadOnlyDictionary<string, string> environment, string[] args, string appDirectory)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(appDirectory, "edgepose.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment)
        {
            psi.Environment[k] = v;
        }

        using var p = System.Diagnostics.Process.Start(psi)!;
        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        var stderrTask = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("edgepose did not exit within 2 minutes");
        }

        return new CliRun(p.ExitCode, stdoutTask.Result, stderrTask.Result);
    }
}
