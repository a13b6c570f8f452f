using System.Runtime.InteropServices;

namespace EdgePose.Native.TensorRt;

/// <summary>
/// ept_tensor_desc as marshalled (the C layout): one network input as the INT8 calibrator's
/// <see cref="TrtCalibrator.NextBatch"/> callback is told about it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct TrtCalibrationTensorNative
{
    /// <summary>UTF-8, null-terminated, owned by the wrapper; valid during the callback.</summary>
    public byte* Name;
    public int DataType;
    public int Rank;
    public fixed long Dims[TrtAbi.MaxDims];
}
