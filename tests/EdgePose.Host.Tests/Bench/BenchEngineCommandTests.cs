using System.Text.Json;
using EdgePose.Host.Bench;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Bench;

public sealed class BenchEngineCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgepose-bench-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out(string name) => Path.Combine(_dir, name);

    private static Task<CliRun> Bench(params string[] args) =>
        CliRun.InProcess(["bench", "engine", "--warmup", "1", "--threads", "2", .. args]);

    [RequiresSharedFact]
    public async Task Writes_the_report_the_table_and_two_plots_per_batch_size()
    {
        var dynamic = DynamicBatchOnnx.Save(TestPaths.FloatHeadModel, _dir);
        var run = await Bench("-m", dynamic, "--batches", "1,2", "-n", "4", "--compare-bare", "-o", Out("b"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        var report = BenchReportJson.Read(Path.Combine(Out("b"), "bench.json"));
        Assert.Equal("engine", report.Kind);
        Assert.Equal([1, 2], report.Results.Select(r => r.Batch));
        Assert.All(report.Results, r =>
        {
            Assert.Equal(4, r.Latency.Count);
            Assert.True(r.Latency.Min <= r.Latency.P50 && r.Latency.P50 <= r.Latency.Max);
            Assert.Equal(r.Batch * 1000 / r.Latency.Mean, r.ImagesPerSecond, 6);
            Assert.Equal(4, r.Bare!.Count);
        });
        Assert.Equal(Environment.ProcessorCount, report.Machine.Cores);
        Assert.Contains("ONNX Runtime", report.Runtime, StringComparison.Ordinal);
        Assert.Equal("[2,3,640,640]", report.Config["input"]);
        Assert.Contains("| 2 | 4 |", run.Stdout, StringComparison.Ordinal);
        foreach (var png in new[] { "batch1-histogram.png", "batch1-over-time.png", "batch2-histogram.png", "batch2-over-time.png" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(Out("b"), png));
            Assert.True(bytes.Length > 10_000 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G', png);
        }

        Assert.True(File.Exists(Path.Combine(Out("b"), "bench.md")));
    }

    [RequiresSharedFact]
    public async Task A_baseline_comparison_catches_a_planted_slowdown()
    {
        var first = await Bench("-m", TestPaths.FloatHeadModel, "-n", "5", "-o", Out("before"));
        Assert.True(first.ExitCode == 0, first.Stderr);

        // Every run slower by three times the baseline's median (at least 400 ms): far beyond the 25 % threshold
        // however loaded the machine was during either run.
        var before = BenchReportJson.Read(Path.Combine(Out("before"), "bench.json"));
        var delay = Math.Max(400, 3 * before.Results[0].Latency.P50).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        var slow = await Bench("-m", TestPaths.FloatHeadModel, "-n", "5", "-o", Out("after"), "--added-delay-ms", delay, "--baseline", Path.Combine(Out("before"), "bench.json"), "--threshold", "25");

        Assert.Equal(3, slow.ExitCode);
        Assert.Contains("regression: batch 1 p50 latency", slow.Stderr, StringComparison.Ordinal);
        Assert.Contains("regression: batch 1 throughput", slow.Stderr, StringComparison.Ordinal);
        Assert.Single(slow.ErrorLines);
        Assert.True(File.Exists(Path.Combine(Out("after"), "bench.json")), "the slow run's report is kept");
    }

    [RequiresSharedFact]
    public async Task A_fixed_batch_model_asked_for_another_batch_size_is_refused_before_measuring()
    {
        var run = await Bench("-m", TestPaths.FloatHeadModel, "--batches", "1,4", "-o", Out("b"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["error: --batches 1,4: the model has a fixed batch of 1; export it with a dynamic batch to measure other sizes"], run.ErrorLines);
        Assert.DoesNotContain("warm-up", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out("b")));
    }

    [Fact]
    public async Task A_missing_model_is_named()
    {
        var run = await Bench("-m", Out("nope.onnx"), "-o", Out("b"));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("nope.onnx", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out("b")));
    }

    [Fact]
    public async Task A_model_that_cannot_load_is_refused_before_measuring()
    {
        var model = Out("broken.onnx");
        File.WriteAllText(model, "not a model");
        var run = await Bench("-m", model, "-o", Out("b"));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("broken.onnx", line, StringComparison.Ordinal);
        Assert.DoesNotContain("warm-up", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"kind\": 3}", "is not an edgepose bench report")]
    [InlineData("[1, 2", "is not an edgepose bench report")]
    public async Task A_baseline_that_is_not_a_report_is_refused_before_measuring(string content, string expected)
    {
        var baseline = Out("baseline.json");
        File.WriteAllText(baseline, content);
        var run = await Bench("-m", Out("nope.onnx"), "--baseline", baseline, "-o", Out("b"));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("baseline.json", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--batches", "0", "--batches '0': '0' is not a batch size of at least 1")]
    [InlineData("--batches", "1,x", "--batches '1,x': 'x' is not a batch size of at least 1")]
    [InlineData("--iterations", "0", "--iterations 0 must be at least 1")]
    [InlineData("--duration", "-1", "--duration -1 must be more than 0 seconds")]
    [InlineData("--threshold", "-5", "--threshold -5 must be 0 or more")]
    public async Task Bad_settings_are_named(string option, string value, string expected)
    {
        var run = await Bench("-m", TestPaths.FloatHeadModel, option, value, "-o", Out("b"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["error: " + expected], run.ErrorLines);
    }
}
