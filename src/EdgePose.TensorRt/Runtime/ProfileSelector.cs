namespace EdgePose.TensorRt.Runtime;

/// <summary>
/// Which shape of an optimisation profile: the smallest, the one tuned for, or the largest. The values are
/// the selector of ept_engine_profile_shape (native/trt_wrapper/include/edgepose_trt.h).
/// </summary>
public enum ProfileSelector
{
    Min = 0,
    Opt = 1,
    Max = 2,
}
