namespace EdgePose.TensorRt.Runtime;

/// <summary>Which shape of an optimisation profile: the smallest, the one tuned for, or the largest.</summary>
public enum ProfileSelector
{
    Min = 0,
    Opt = 1,
    Max = 2,
}
