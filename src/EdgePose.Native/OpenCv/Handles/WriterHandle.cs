using EdgePose.Native.OpenCv.Interop;
using Microsoft.Win32.SafeHandles;

namespace EdgePose.Native.OpenCv.Handles;

/// <summary>Owns an open video writer (epcv_writer); released by the shim.</summary>
internal sealed class WriterHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public WriterHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => CvShim.WriterRelease(handle) == OpenCvStatus.Ok;
}
