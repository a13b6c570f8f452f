using System.Runtime.InteropServices;

namespace EdgePose.Native.TensorRt;

/// <summary>
/// ept_calibrator: INT8 entropy calibration fed by the caller. <see cref="NextBatch"/> writes one device
/// pointer per input into its last argument and returns 1, returns 0 when done, or below 0 to abort.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct TrtCalibrator
{
    public delegate* unmanaged<nint, int, TrtCalibrationTensorNative*, nint*, int> NextBatch;
    public nint User;

    /// <summary>Calibration table file (UTF-8), read when present and written after; null for none.</summary>
    public byte* CachePath;
}
