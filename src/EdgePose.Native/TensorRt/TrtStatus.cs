namespace EdgePose.Native.TensorRt;

/// <summary>ept_status: what every function of native/trt_wrapper returns (edgepose_trt.h, EPT_*).</summary>
public enum TrtStatus
{
    Ok = 0,
    InvalidArgument = 1,
    ParseFailed = 2,
    BuildFailed = 3,
    DeserializeFailed = 4,
    IoError = 5,
    CudaError = 6,
    Unsupported = 7,
    Cancelled = 8,
    Internal = 9,
}
