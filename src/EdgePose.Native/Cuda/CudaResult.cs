namespace EdgePose.Native.Cuda;

/// <summary>CUresult: the status every CUDA driver call returns. Only the values EdgePose names are listed.</summary>
public enum CudaResult
{
    Success = 0,
    InvalidValue = 1,
    OutOfMemory = 2,
    NotInitialized = 3,
    Deinitialized = 4,
    NoDevice = 100,
    InvalidDevice = 101,
    InvalidContext = 201,
    NotReady = 600,
    Unknown = 999,
}
