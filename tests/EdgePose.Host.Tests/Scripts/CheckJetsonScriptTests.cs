using System.Diagnostics;
using System.Runtime.InteropServices;
using EdgePose.Cli;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Scripts;

/// <summary>scripts/check-jetson.sh is for the device: elsewhere it says so on one line, exit 2, and builds nothing.</summary>
public class CheckJetsonScriptTests
{
    [OffJetsonFact]
    public void Off_a_jetson_the_check_says_where_it_runs_on_one_line()
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(TestPaths.RepoRoot, "scripts", "check-jetson.sh"));
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(30)), "check-jetson.sh exits at once off a Jetson");

        Assert.Equal(ExitCodes.BadInput, p.ExitCode);
        Assert.Empty(stdout.Result);
        var line = Assert.Single(stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "nv_tegra_release" : "scripts/check-arm64.sh", line, StringComparison.Ordinal);
    }
}
