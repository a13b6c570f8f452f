using EdgePose.Core.Benchmarking;
using EdgePose.Core.Pipeline;

namespace EdgePose.Core.Tests.Benchmarking;

public sealed class BaselineComparisonTests
{
    private static readonly BenchMachine s_machine = new("edge-01", "Linux", "arm64", "Orin", 8, "10.0.0");

    private static BenchReport Engine(string model = "m.onnx", params (int Batch, double P50, double Ips)[] rows) =>
        new("engine", DateTimeOffset.UnixEpoch, s_machine, "/models/" + model, "ONNX Runtime", "1.0")
        {
            Results = [.. rows.Select(r => new EngineBenchResult(r.Batch, new LatencyStatistics(10, r.P50, r.P50, r.P50, r.P50, r.P50, r.P50), r.Ips))],
        };

    private static BenchReport Pipeline(double p50, double fps) =>
        new("pipeline", DateTimeOffset.UnixEpoch, s_machine, "/models/m.onnx", "ONNX Runtime", "1.0")
        {
            Pipeline = new PipelineBenchResult(60, (long)(fps * 60), fps, 0, 0.9, 1)
            {
                Latencies = [new LatencySummary("capture-to-result", 100, p50, p50, p50, p50)],
            },
        };

    [Fact]
    public void A_slower_median_and_a_lower_throughput_beyond_the_threshold_are_regressions()
    {
        var before = Engine(rows: [(1, 20, 50), (4, 60, 66)]);
        var after = Engine(rows: [(1, 25, 40), (4, 61, 65.5)]);

        var found = BaselineComparison.Regressions(after, before, 10);

        Assert.Equal(2, found.Count);
        Assert.Equal("batch 1 p50 latency 20.00 → 25.00 ms (+25.0 %)", BaselineComparison.Describe(found[0]));
        Assert.Equal("batch 1 throughput 50.00 → 40.00 images/s (-20.0 %)", BaselineComparison.Describe(found[1]));
    }

    [Fact]
    public void Changes_within_the_threshold_and_improvements_pass()
    {
        var before = Engine(rows: [(1, 20, 50)]);
        Assert.Empty(BaselineComparison.Regressions(Engine(rows: [(1, 21.9, 45.6)]), before, 10));
        Assert.Empty(BaselineComparison.Regressions(Engine(rows: [(1, 10, 100)]), before, 10));
    }

    [Fact]
    public void Pipeline_runs_compare_capture_to_result_and_fps()
    {
        var found = BaselineComparison.Regressions(Pipeline(60, 20), Pipeline(40, 30), 10);
        Assert.Equal(["capture-to-result p50 40.00 → 60.00 ms (+50.0 %)", "throughput 30.00 → 20.00 fps (-33.3 %)"], found.Select(BaselineComparison.Describe));
    }

    [Fact]
    public void Reports_of_another_model_kind_or_batch_cannot_be_compared()
    {
        var report = Engine(rows: [(1, 20, 50)]);
        Assert.Null(BaselineComparison.Mismatch(report, Engine(rows: [(1, 30, 40), (2, 40, 50)])));
        Assert.Equal("the baseline's model is 'other.onnx', this run's 'm.onnx'", BaselineComparison.Mismatch(report, Engine("other.onnx", (1, 20, 50))));
        Assert.Equal("the baseline measured 'pipeline', this run 'engine'", BaselineComparison.Mismatch(report, Pipeline(40, 30)));
        Assert.Equal("the baseline has no batch size of this run (1)", BaselineComparison.Mismatch(report, Engine(rows: [(2, 20, 50)])));
    }
}
