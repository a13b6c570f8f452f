using EdgePose.Core.Benchmarking;

namespace EdgePose.Core.Tests.Benchmarking;

public sealed class LatencyStatisticsTests
{
    [Fact]
    public void Percentiles_are_nearest_rank_over_the_sorted_samples()
    {
        // 1..100 ms shuffled: p50 is the 50th value, p90 the 90th, p99 the 99th.
        var samples = Enumerable.Range(1, 100).Select(i => (double)i).OrderBy(i => (i * 37) % 101).ToArray();
        var s = LatencyStatistics.Of(samples);
        Assert.Equal(new LatencyStatistics(100, 1, 50.5, 50, 90, 99, 100), s);
    }

    [Fact]
    public void Few_samples_round_the_rank_up()
    {
        var s = LatencyStatistics.Of(new double[] { 30, 10, 20 });
        Assert.Equal(20, s.P50); // rank ceil(1.5) = 2
        Assert.Equal(30, s.P90);
        Assert.Equal(30, s.P99);
        Assert.Equal(20, s.Mean);
    }

    [Fact]
    public void No_samples_give_empty_statistics()
    {
        Assert.Equal(LatencyStatistics.Empty, LatencyStatistics.Of(Span<double>.Empty));
    }
}
