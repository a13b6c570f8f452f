using EdgePose.Core.Benchmarking;

namespace EdgePose.Core.Tests.Benchmarking;

public sealed class BenchMarkdownTests
{
    [Fact]
    public void The_engine_table_has_a_row_per_batch_and_the_bare_ratio_when_measured()
    {
        var report = new BenchReport("engine", new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero), new BenchMachine("vm", "Debian 12", "x64", "AMD EPYC", 2, "10.0.12"), "/m/yolo.onnx", "ONNX Runtime 1.31.1 CPU", "1.0.0")
        {
            Config = new Dictionary<string, string> { ["threads"] = "2" },
            Results =
            [
                new EngineBenchResult(1, new LatencyStatistics(100, 90, 101, 100, 110, 130, 140), 9.9) { Bare = new LatencyStatistics(100, 88, 99, 98, 108, 128, 139) },
            ],
        };

        var md = BenchMarkdown.Of(report);

        Assert.Contains("Machine: AMD EPYC (2 cores), Debian 12 x64, .NET 10.0.12; EdgePose 1.0.0; 2026-11-26 06:00 UTC.", md, StringComparison.Ordinal);
        Assert.Contains("Settings: threads 2.", md, StringComparison.Ordinal);
        Assert.Contains("| 1 | 100 | 90.00 | 101.00 | 100.00 | 110.00 | 130.00 | 140.00 | 9.9 | 98.00 | 1.020 |", md, StringComparison.Ordinal);
    }
}
