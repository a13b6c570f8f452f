namespace EdgePose.Host.Bench;

/// <summary>How `edgepose bench engine` measures: warm-up runs, then a number of runs or a duration, per batch size.</summary>
public sealed record EngineBenchSettings
{
    public IReadOnlyList<int> Batches { get; init; } = [1];

    public int Warmup { get; init; } = 10;

    /// <summary>Measured runs per batch size (ignored when <see cref="Duration"/> is set).</summary>
    public int Iterations { get; init; } = 100;

    /// <summary>Measure for this long per batch size instead of a number of runs.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Also time the runtime's own API called bare, alternating with ours (ONNX models).</summary>
    public bool CompareBare { get; init; }

    /// <summary>Added to every measured run: a planted slowdown that shows a baseline comparison catching it (tests, docs).</summary>
    public TimeSpan AddedDelay { get; init; }
}
