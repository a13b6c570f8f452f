namespace EdgePose.Core.Benchmarking;

/// <summary>
/// One batch size of an engine benchmark: latency of a run (enqueue to outputs readable), images per second,
/// and, where measured, the GPU's own times (compute, host-to-device and device-to-host copies, from CUDA
/// events) and a bare runtime loop measured in alternation with ours (<see cref="Bare"/>).
/// </summary>
public sealed record EngineBenchResult(int Batch, LatencyStatistics Latency, double ImagesPerSecond)
{
    /// <summary>GPU compute time per run, where the engine runs on a GPU and times it with events.</summary>
    public LatencyStatistics? GpuCompute { get; init; }

    /// <summary>Host-to-device copy of the input per run, where there is one.</summary>
    public LatencyStatistics? HostToDevice { get; init; }

    /// <summary>Device-to-host copy of the outputs per run, where there is one.</summary>
    public LatencyStatistics? DeviceToHost { get; init; }

    /// <summary>The runtime's own API called bare (no EdgePose code) on the same model and settings, alternating with ours.</summary>
    public LatencyStatistics? Bare { get; init; }

    /// <summary>Every run's latency in order, for the over-time plot.</summary>
    public IReadOnlyList<double> Samples { get; init; } = [];
}
