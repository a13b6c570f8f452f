using EdgePose.Core.Evaluation;

namespace EdgePose.Core.Tests.Evaluation;

public class MetricComparisonTests
{
    [Fact]
    public void Metrics_are_paired_by_group_and_name_with_b_minus_a()
    {
        NamedMetric[] a = [new("keypoints", "AP", 0.25), new("bbox", "AP", 0.5), new("time_ms", "inference", 100)];
        NamedMetric[] b = [new("bbox", "AP", 0.4), new("keypoints", "AP", 0.3), new("time_ms", "inference", 60)];

        var rows = MetricComparison.Compare(a, b);

        Assert.Equal(["keypoints AP", "bbox AP", "time_ms inference"], rows.Select(r => r.Group + " " + r.Name));
        Assert.Equal(0.05, rows[0].Difference, 12);
        Assert.Equal(-0.1, rows[1].Difference, 12);
        Assert.Equal(-40, rows[2].Difference, 12);
    }

    [Fact]
    public void Metric_on_one_side_only_has_nan_on_the_other_and_no_difference()
    {
        var rows = MetricComparison.Compare([new("pck", "PCK@0.05", 0.5)], [new("pck", "PCK@0.1", 0.7)]);

        Assert.Equal(2, rows.Count);
        Assert.True(double.IsNaN(rows[0].B) && double.IsNaN(rows[0].Difference));
        Assert.True(double.IsNaN(rows[1].A) && rows[1].B == 0.7);
    }
}
