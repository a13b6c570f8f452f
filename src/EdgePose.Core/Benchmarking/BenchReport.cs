namespace EdgePose.Core.Benchmarking;

/// <summary>
/// What `edgepose bench` writes as JSON: the schema, what was measured, when, on which machine, with which
/// model, runtime, EdgePose version and settings, and the results. A later run compares itself with one
/// (<see cref="BaselineComparison"/>).
/// </summary>
public sealed record BenchReport(string Kind, DateTimeOffset Time, BenchMachine Machine, string Model, string Runtime, string Version)
{
    public const string CurrentSchema = "edgepose.bench/1";

    public string Schema { get; init; } = CurrentSchema;

    /// <summary>The settings the run used (warm-up, iterations, threads, image size, ...), as strings.</summary>
    public IReadOnlyDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();

    /// <summary>One result per batch size (`bench engine`).</summary>
    public IReadOnlyList<EngineBenchResult> Results { get; init; } = [];

    /// <summary>The whole pipeline's numbers (`bench pipeline`).</summary>
    public PipelineBenchResult? Pipeline { get; init; }

    /// <summary>Glass-to-event latency (`bench e2e`).</summary>
    public E2eBenchResult? E2e { get; init; }
}
