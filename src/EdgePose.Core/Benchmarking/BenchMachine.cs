namespace EdgePose.Core.Benchmarking;

/// <summary>The machine a benchmark ran on, so that reports from different devices can be told apart.</summary>
public sealed record BenchMachine(string Host, string Os, string Architecture, string Cpu, int Cores, string DotNet)
{
    /// <summary>The GPU, where one was found (e.g. "NVIDIA H100 80GB HBM3, driver 12.4").</summary>
    public string? Gpu { get; init; }

    /// <summary>The Jetson power mode (nvpmodel), where the machine is a Jetson.</summary>
    public string? PowerMode { get; init; }
}
