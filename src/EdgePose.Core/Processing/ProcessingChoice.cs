namespace EdgePose.Core.Processing;

/// <summary>
/// Chooses between GPU and CPU processing: the configured mode, the fallback, and why the GPU cannot be used
/// (null when it can). Pure logic; the messages name the settings (Processing:Mode, Processing:Fallback).
/// </summary>
public static class ProcessingChoice
{
    /// <summary>Setting values of <see cref="ProcessingMode"/>, as written in configuration and on the command line.</summary>
    public static readonly IReadOnlyList<string> Modes = ["auto", "gpu", "cpu"];

    /// <summary>Setting values of <see cref="ProcessingFallback"/>.</summary>
    public static readonly IReadOnlyList<string> Fallbacks = ["cpu", "none"];

    /// <summary>"auto", "gpu" or "cpu" (any case) as a mode; false for anything else.</summary>
    public static bool TryParseMode(string? text, out ProcessingMode mode)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "auto":
                mode = ProcessingMode.Auto;
                return true;
            case "gpu":
                mode = ProcessingMode.Gpu;
                return true;
            case "cpu":
                mode = ProcessingMode.Cpu;
                return true;
            default:
                mode = default;
                return false;
        }
    }

    /// <summary>"cpu" or "none" (any case) as a fallback; false for anything else.</summary>
    public static bool TryParseFallback(string? text, out ProcessingFallback fallback)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "cpu":
                fallback = ProcessingFallback.Cpu;
                return true;
            case "none":
                fallback = ProcessingFallback.None;
                return true;
            default:
                fallback = default;
                return false;
        }
    }

    /// <summary>True when <paramref name="mode"/> needs the GPU probed (every mode but cpu).</summary>
    public static bool WantsGpu(ProcessingMode mode) => mode != ProcessingMode.Cpu;

    /// <summary>The path for <paramref name="mode"/> given <paramref name="gpuFailure"/> (null: the GPU processor started).</summary>
    public static ProcessingDecision Decide(ProcessingMode mode, ProcessingFallback fallback, GpuFailure? gpuFailure)
    {
        if (mode == ProcessingMode.Cpu)
        {
            return new ProcessingDecision(ProcessingPath.Cpu);
        }

        if (gpuFailure is null)
        {
            return new ProcessingDecision(ProcessingPath.Gpu);
        }

        if (mode == ProcessingMode.Auto)
        {
            return new ProcessingDecision(ProcessingPath.Cpu, Info: $"pre- and post-processing on the CPU: GPU processing unavailable, {gpuFailure}");
        }

        return fallback == ProcessingFallback.Cpu
            ? new ProcessingDecision(ProcessingPath.Cpu, Warning: $"Processing:Mode is gpu but {gpuFailure}; falling back to the CPU (Processing:Fallback is cpu)")
            : new ProcessingDecision(ProcessingPath.Cpu, Error: $"Processing:Mode is gpu but {gpuFailure}; with Processing:Fallback none the run stops (set it to cpu, or Processing:Mode to auto or cpu)");
    }
}
