namespace EdgePose.Core.Processing;

/// <summary>Which processor a run uses once the mode, the fallback and the GPU's state are known.</summary>
public enum ProcessingPath
{
    Cpu,
    Gpu,
}
