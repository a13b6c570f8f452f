using EdgePose.Native.OpenCv.Interop;
using Microsoft.Win32.SafeHandles;

namespace EdgePose.Native.OpenCv.Handles;

/// <summary>Owns a native image (epcv_mat); released by the shim.</summary>
internal sealed class MatHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public MatHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => CvShim.MatRelease(handle) == OpenCvStatus.Ok;
}
