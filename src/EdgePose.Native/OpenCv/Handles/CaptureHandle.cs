using EdgePose.Native.OpenCv.Interop;
using Microsoft.Win32.SafeHandles;

namespace EdgePose.Native.OpenCv.Handles;

/// <summary>Owns an open video source (epcv_capture); released by the shim.</summary>
internal sealed class CaptureHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public CaptureHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => CvShim.CaptureRelease(handle) == OpenCvStatus.Ok;
}
