using EdgePose.Native.GStreamer.Interop;
using Microsoft.Win32.SafeHandles;

namespace EdgePose.Native.GStreamer.Handles;

/// <summary>
/// Owns a GstSample kept across calls (the first frame, pulled while opening, and a frame held back
/// while its caller makes room for a new size). Frames read in steady state are released within the
/// read itself, without a handle, so that a read allocates nothing.
/// </summary>
internal sealed class GstSampleHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GstSampleHandle()
        : base(ownsHandle: true)
    {
    }

    public static GstSampleHandle Own(IntPtr sample)
    {
        var h = new GstSampleHandle();
        h.SetHandle(sample);
        return h;
    }

    protected override bool ReleaseHandle()
    {
        GstSampleApi.SampleUnref(handle);
        return true;
    }
}
