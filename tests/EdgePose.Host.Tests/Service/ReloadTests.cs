using System.Diagnostics;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Service;

/// <summary>SIGHUP on a running `edgepose run` child: the configuration is read again and the pipeline restarts with it.</summary>
public sealed class ReloadTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgepose-reload-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Config(string jsonl, string extra = "") => $$"""
        { "Model": { "Path": "{{TestPaths.FloatHeadModel}}", "Threads": 2 },
          "Sources": [ { "Id": "ball", "Uri": "test://ball" } ],
          "Outputs": { "Jsonl": "{{jsonl}}", "EmptyFrames": "always" },
          "StatusIntervalSeconds": 0 {{extra}} }
        """;

    [RequiresSharedFact]
    public async Task A_valid_configuration_is_applied_and_an_invalid_one_is_refused_without_stopping()
    {
        string a = Path.Combine(_dir, "a.jsonl"), b = Path.Combine(_dir, "b.jsonl"), config = Path.Combine(_dir, "run.json");
        File.WriteAllText(config, Config(a));
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "edgepose.dll"), "run", "--config", config })
        {
            psi.ArgumentList.Add(arg);
        }

        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEndAsync();
        try
        {
            await WaitForLinesAsync(a, 2, TimeSpan.FromSeconds(90));

            // Invalid: refused, the run goes on writing a.
            File.WriteAllText(config, Config(a, ", \"Pipeline\": { \"BatchTimeoutMs\": -5 }"));
            Signal(p, "HUP");
            long before = File.ReadAllLines(a).Length;
            await WaitForLinesAsync(a, before + 2, TimeSpan.FromSeconds(60));
            Assert.False(p.HasExited);

            // Valid: the pipeline restarts writing b.
            File.WriteAllText(config, Config(b));
            Signal(p, "HUP");
            await WaitForLinesAsync(b, 2, TimeSpan.FromSeconds(90));
            Assert.False(p.HasExited);
        }
        finally
        {
            Signal(p, "TERM");
            Assert.True(p.WaitForExit(TimeSpan.FromSeconds(30)));
        }

        var log = await stderr;
        Assert.Contains("SIGHUP: configuration refused, the running one stays", log, StringComparison.Ordinal);
        Assert.Contains("Pipeline:BatchTimeoutMs", log, StringComparison.Ordinal);
        Assert.Contains("SIGHUP: configuration read again; restarting the pipeline with it", log, StringComparison.Ordinal);
    }

    private static void Signal(Process p, string signal) => Process.Start("kill", ["-" + signal, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    private static async Task WaitForLinesAsync(string file, long lines, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(file) && File.ReadAllLines(file).Length >= lines)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{file} did not reach {lines} lines within {timeout.TotalSeconds} s");
    }
}
