namespace EdgePose.Core.Benchmarking;

/// <summary>One source of a `bench pipeline` run.</summary>
public sealed record SourceBenchResult(string Id, long Captured, long Inferred, long Dropped, long Reconnects);
