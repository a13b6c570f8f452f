using EdgePose.Native.GStreamer.Interop;
using Microsoft.Win32.SafeHandles;

namespace EdgePose.Native.GStreamer.Handles;

/// <summary>Owns one reference to a GstObject (an element factory, a bus, an element); gst_object_unref on release.</summary>
internal class GstObjectHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GstObjectHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        GstCoreApi.ObjectUnref(handle);
        return true;
    }
}
