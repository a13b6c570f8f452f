using EdgePose.Native.GStreamer.Interop;
using Microsoft.Win32.SafeHandles;

namespace EdgePose.Native.GStreamer.Handles;

/// <summary>Owns a reference to the GstCaps a frame source last saw (to notice a change without parsing every frame).</summary>
internal sealed class GstCapsHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GstCapsHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Takes a new reference to <paramref name="caps"/>.</summary>
    public static GstCapsHandle Ref(IntPtr caps)
    {
        var h = new GstCapsHandle();
        h.SetHandle(GstSampleApi.CapsRef(caps));
        return h;
    }

    /// <summary>The raw pointer, compared with a sample's caps.</summary>
    public IntPtr Pointer => handle;

    protected override bool ReleaseHandle()
    {
        GstSampleApi.CapsUnref(handle);
        return true;
    }
}
