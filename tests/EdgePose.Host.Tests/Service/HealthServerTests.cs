using System.Net;
using System.Text.RegularExpressions;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Service;

/// <summary>/healthz and /metrics of a real `edgepose run` on the RTSP test server.</summary>
[Collection(Run.RunCommandTests.InProcessRuns)]
public sealed partial class HealthServerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgepose-health-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [RequiresRtspServerAndSharedFact]
    public async Task Healthz_flips_when_the_camera_dies_and_back_when_it_returns_and_metrics_parse_as_prometheus_text()
    {
        using var server = RtspTestServer.Start();
        int port = MosquittoBroker.FreePort();
        var config = Path.Combine(_dir, "run.json");
        File.WriteAllText(config, $$"""
            { "Health": { "Port": {{port}}, "SourceGraceSeconds": 1 },
              "Pipeline": { "ReadTimeoutSeconds": 1, "ReconnectInitialSeconds": 0.2, "ReconnectMaxSeconds": 0.5 } }
            """);
        var run = Task.Run(() => CliRun.InProcess("run", "--config", config, "-m", TestPaths.FloatHeadModel, "--threads", "2", "-s", "cam=" + server.Url("vtest"), "--status-interval", "0", "--duration", "45"));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };

        await WaitForAsync(http, HttpStatusCode.OK, TimeSpan.FromSeconds(60));
        var samples = await WaitForMetricAsync(http, "edgepose_frames_inferred", TimeSpan.FromSeconds(60));
        Assert.Contains(samples, kv => kv.Key.StartsWith("edgepose_frames_captured", StringComparison.Ordinal) && kv.Key.Contains("source=\"cam\"", StringComparison.Ordinal) && kv.Value > 0);
        Assert.Contains(samples.Keys, k => k.StartsWith("edgepose_latency_ms", StringComparison.Ordinal) && k.Contains("stage=\"inference\"", StringComparison.Ordinal));
        Assert.Contains(samples.Keys, k => k.StartsWith("edgepose_source_live", StringComparison.Ordinal));

        server.Kill();
        var down = await WaitForAsync(http, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
        Assert.StartsWith("source cam ", down, StringComparison.Ordinal);

        server.Restart();
        await WaitForAsync(http, HttpStatusCode.OK, TimeSpan.FromSeconds(60));
        var result = await run;
        Assert.True(result.ExitCode is 0, result.Stderr);
    }

    /// <summary>"name{labels} value" lines (comments and blank lines skipped); every other line fails the parse.</summary>
    private static Dictionary<string, double> ParsePrometheus(string text)
    {
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var m = SampleLine().Match(line);
            Assert.True(m.Success, $"not Prometheus text: '{line}'");
            samples[m.Groups[1].Value] = double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.NotEmpty(samples);
        return samples;
    }

    /// <summary>Scrapes /metrics until a sample of <paramref name="name"/> is above 0 (the meter adapter reads observable instruments at a scrape).</summary>
    private static async Task<Dictionary<string, double>> WaitForMetricAsync(HttpClient http, string name, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            last = await http.GetStringAsync("metrics");
            var samples = ParsePrometheus(last);
            if (samples.Any(kv => kv.Key.StartsWith(name, StringComparison.Ordinal) && kv.Value > 0))
            {
                return samples;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"no {name} above 0 within {timeout.TotalSeconds} s:\n{last}");
        return [];
    }

    private static async Task<string> WaitForAsync(HttpClient http, HttpStatusCode expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync("healthz");
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if (response.StatusCode == expected)
                {
                    return await response.Content.ReadAsStringAsync();
                }
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"/healthz did not answer {(int)expected} within {timeout.TotalSeconds} s; last: {last}");
        return "";
    }

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (-?[0-9.eE+-]+|NaN|\+Inf|-Inf)(?: [0-9]+)?$")]
    private static partial Regex SampleLine();
}
