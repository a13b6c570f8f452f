using System.Diagnostics;
using EdgePose.Cli;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Scripts;

/// <summary>The service installer and the benchmark script refuse bad arguments on one line, exit 2, before doing anything.</summary>
public sealed class ScriptBadInputTests
{
    [Theory]
    [InlineData("install-service.sh", new[] { "--bogus" }, "error: unknown option '--bogus' (--rid RID, --model FILE, --no-start)")]
    [InlineData("install-service.sh", new[] { "--model", "/nonexistent/model.onnx" }, "error: model not found: /nonexistent/model.onnx")]
    [InlineData("install-service.sh", new[] { "--model" }, "error: --model needs a file")]
    [InlineData("bench.sh", new[] { "nope" }, "error: unknown section 'nope' (scripts/bench.sh --list)")]
    public async Task A_bad_argument_is_one_error_line_and_exit_2(string script, string[] args, string expected)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(TestPaths.RepoRoot, "scripts", script));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["EDGEPOSE_MODEL"] = TestPaths.FloatHeadModel;
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(30)), $"{script} did not exit at once");

        Assert.Equal(ExitCodes.BadInput, p.ExitCode);
        Assert.Empty(await stdout);
        Assert.Equal(expected, Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
