using EdgePose.Native.GStreamer.Interop;
using Microsoft.Win32.SafeHandles;

namespace EdgePose.Native.GStreamer.Handles;

/// <summary>Owns a GstMessage popped from a bus; gst_message_unref on release.</summary>
internal sealed class GstMessageHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GstMessageHandle()
        : base(ownsHandle: true)
    {
    }

    public static GstMessageHandle Own(IntPtr message)
    {
        var h = new GstMessageHandle();
        h.SetHandle(message);
        return h;
    }

    protected override bool ReleaseHandle()
    {
        GstBusApi.MessageUnref(handle);
        return true;
    }
}
