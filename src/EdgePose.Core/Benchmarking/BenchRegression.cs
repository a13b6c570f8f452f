namespace EdgePose.Core.Benchmarking;

/// <summary>One measure that got worse than the baseline by more than the threshold: "batch 1 p50 latency 21.4 → 25.9 ms (+21.0 %)"; batch 0 for a pipeline measure.</summary>
public sealed record BenchRegression(int Batch, string Measure, double Baseline, double Current, double ChangePercent, string Unit);
