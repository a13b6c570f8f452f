using EdgePose.Host.Engines;

namespace EdgePose.Host.Bench;

/// <summary>Everything `edgepose bench engine` was asked: the model and engine settings, how to measure, where to write, and what to compare with.</summary>
public sealed record EngineBenchRequest(string Model, EngineOptions Engine, EngineBenchSettings Settings, string OutputFolder)
{
    /// <summary>An earlier bench.json to compare with; a regression beyond <see cref="ThresholdPercent"/> fails the run.</summary>
    public string? Baseline { get; init; }

    public double ThresholdPercent { get; init; } = 10;
}
