namespace EdgePose.Native.TensorRt;

/// <summary>Constants of the C ABI in native/trt_wrapper/include/edgepose_trt.h.</summary>
public static class TrtAbi
{
    /// <summary>EPT_ABI_VERSION this managed mirror was written for; the library must report the same.</summary>
    public const int Version = 1;

    public const int MaxDims = 8;

    public const int NameCapacity = 256;

    public const uint PrecisionFp16 = 1;

    public const uint PrecisionInt8 = 2;

    public const int IoInput = 1;

    public const int IoOutput = 2;
}
