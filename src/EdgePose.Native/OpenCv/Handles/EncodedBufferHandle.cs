using EdgePose.Native.OpenCv.Interop;
using Microsoft.Win32.SafeHandles;

namespace EdgePose.Native.OpenCv.Handles;

/// <summary>Owns an encoded-image buffer (epcv_buffer); released by the shim.</summary>
internal sealed class EncodedBufferHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public EncodedBufferHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => CvShim.BufferRelease(handle) == OpenCvStatus.Ok;
}
