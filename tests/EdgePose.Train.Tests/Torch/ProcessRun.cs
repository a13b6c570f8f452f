using System.Diagnostics;

namespace EdgePose.Train.Tests.Torch;

/// <summary>Runs a program to completion (with a timeout) and returns its exit code and output.</summary>
internal static class ProcessRun
{
    public static (int ExitCode, string Output) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in 2 minutes");
        }

        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
