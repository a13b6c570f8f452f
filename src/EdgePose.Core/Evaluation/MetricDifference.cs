namespace EdgePose.Core.Evaluation;

/// <summary>One row of a side-by-side comparison: a metric of run A, of run B, and B − A (NaN where either is missing).</summary>
public sealed record MetricDifference(string Group, string Name, double A, double B)
{
    public double Difference => B - A;
}
