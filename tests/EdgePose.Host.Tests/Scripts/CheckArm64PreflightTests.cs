using System.Diagnostics;
using EdgePose.Cli;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Scripts;

/// <summary>
/// scripts/check-arm64.sh on a machine that cannot run arm64 programs: its preflight says what to install on one
/// line and exits 2 (absence simulated with EDGEPOSE_QEMU naming no program, EDGEPOSE_SKIP_APT=1 installing nothing).
/// </summary>
public class CheckArm64PreflightTests
{
    private static string Script => Path.Combine(TestPaths.RepoRoot, "scripts", "check-arm64.sh");

    [Fact]
    public void Without_qemu_the_preflight_names_the_package_to_install_on_one_line()
    {
        var (code, stdout, stderr) = RunScript("--preflight");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: cannot run linux-arm64 programs here: missing /nonexistent/qemu-aarch64-static (qemu-user-static)", line, StringComparison.Ordinal);
        Assert.Contains("apt-get install qemu-user-static", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_qemu_the_full_check_stops_at_the_preflight_before_building_anything()
    {
        var (code, _, stderr) = RunScript();

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("error: cannot run linux-arm64 programs here", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_argument_is_refused_on_one_line()
    {
        var (code, _, stderr) = RunScript("--fast");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("error: unknown argument '--fast' (use --preflight or nothing)", stderr.Trim());
    }

    private static (int Code, string Stdout, string Stderr) RunScript(params string[] args)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Script);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["EDGEPOSE_SKIP_APT"] = "1";
        psi.Environment["EDGEPOSE_QEMU"] = "/nonexistent/qemu-aarch64-static";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("check-arm64.sh did not exit within 30 s");
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
