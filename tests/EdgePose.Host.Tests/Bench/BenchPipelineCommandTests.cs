using EdgePose.Host.Bench;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Bench;

[Collection(Run.RunCommandTests.InProcessRuns)]
public sealed class BenchPipelineCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgepose-benchp-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out(string name) => Path.Combine(_dir, name);

    [RequiresSharedFact]
    public async Task A_file_through_the_pipeline_gives_stage_latencies_cpu_memory_and_plots()
    {
        var run = await CliRun.InProcess("bench", "pipeline", "-m", TestPaths.FloatHeadModel, "--threads", "2", "-s", "vtest=" + TestPaths.SampleVideo, "--max-frames", "6", "--duration", "120", "-o", Out("p"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        var report = BenchReportJson.Read(Path.Combine(Out("p"), "bench.json"));
        Assert.Equal("pipeline", report.Kind);
        var p = report.Pipeline!;
        Assert.Equal(6, p.Frames);
        Assert.Equal(6, p.Sources.Single(s => s.Id == "vtest").Inferred);
        Assert.Equal(6, p.Latency("capture-to-result")!.Value.Count);
        Assert.Equal(6, p.Latency("inference")!.Value.Count);
        Assert.True(p.CpuPercent > 0 && p.PeakMemoryMiB > 50, $"cpu {p.CpuPercent} %, memory {p.PeakMemoryMiB} MiB");
        Assert.Null(p.GpuLoadPercent); // no Jetson here
        Assert.True(File.Exists(Path.Combine(Out("p"), "pipeline-latency.png")));
        Assert.Contains("| capture-to-result |", run.Stdout, StringComparison.Ordinal);
    }

    [RequiresSharedFact]
    public async Task A_missing_source_is_named_and_nothing_is_measured()
    {
        var run = await CliRun.InProcess("bench", "pipeline", "-m", TestPaths.FloatHeadModel, "-s", Out("nope.mp4"), "-o", Out("p"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.Contains("nope.mp4", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Out("p")));
    }

    [Fact]
    public async Task A_model_that_cannot_load_is_named_and_nothing_is_measured()
    {
        var model = Out("broken.onnx");
        File.WriteAllText(model, "not a model");
        var run = await CliRun.InProcess("bench", "pipeline", "-m", model, "-s", "test://", "-o", Out("p"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.Contains("broken.onnx", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Out("p")));
    }
}
