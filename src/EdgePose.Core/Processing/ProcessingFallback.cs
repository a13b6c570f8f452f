namespace EdgePose.Core.Processing;

/// <summary>What Processing:Mode gpu does when the GPU cannot be used (setting Processing:Fallback).</summary>
public enum ProcessingFallback
{
    /// <summary>Run on the CPU, with a warning naming what is wrong with the GPU.</summary>
    Cpu,

    /// <summary>Stop with an error naming what is wrong with the GPU (exit code 1).</summary>
    None,
}
