using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Service;

/// <summary>deploy/systemd/edgepose.service checked by systemd itself (`systemd-analyze verify` and `security --offline`).</summary>
public sealed partial class UnitFileTests : IDisposable
{
    private const string Analyze = "/usr/bin/systemd-analyze";
    private readonly string _dir = Directory.CreateTempSubdirectory("edgepose-unit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The unit with ExecStart pointing at a program that exists here (verify checks that it is executable).</summary>
    private string Unit()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "deploy", "systemd", "edgepose.service"));
        Assert.Contains("ExecStart=/opt/edgepose/edgepose run ", text, StringComparison.Ordinal);
        var path = Path.Combine(_dir, "edgepose.service");
        File.WriteAllText(path, text.Replace("/opt/edgepose/edgepose", "/usr/bin/true", StringComparison.Ordinal));
        return path;
    }

    private static (int Code, string Output) Run(params string[] args)
    {
        var psi = new ProcessStartInfo(Analyze) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(1)), "systemd-analyze did not finish");
        return (p.ExitCode, output.Result + error.Result);
    }

    [RequiresFileFact(Analyze)]
    public void Systemd_analyze_verify_finds_nothing_wrong()
    {
        var (code, output) = Run("verify", Unit());
        Assert.True(code == 0 && output.Trim().Length == 0, output);
    }

    [RequiresFileFact(Analyze)]
    public void The_exposure_score_stays_as_low_as_docs_service_md_states()
    {
        var (_, output) = Run("security", "--offline=true", "--no-pager", Unit());
        var m = ExposureLine().Match(output);
        Assert.True(m.Success, output);
        Assert.True(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) <= 1.6, m.Value);
    }

    [Fact]
    public void The_unit_is_a_notify_service_with_a_watchdog_restart_and_stop_timeout()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "deploy", "systemd", "edgepose.service"));
        foreach (var line in new[] { "Type=notify", "WatchdogSec=", "Restart=on-failure", "TimeoutStopSec=", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "ReadWritePaths=/var/lib/edgepose", "LoadCredential=", "DevicePolicy=closed", "SupplementaryGroups=video render" })
        {
            Assert.Contains("\n" + line, text, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"Overall exposure level for edgepose\.service: ([0-9.]+)")]
    private static partial Regex ExposureLine();
}
