using EdgePose.Native.GStreamer.Interop;

namespace EdgePose.Native.GStreamer.Handles;

/// <summary>
/// Owns a pipeline made by gst_parse_launch (its floating reference sunk). Release stops it (state NULL,
/// which GStreamer requires before the last unref) and then drops the reference.
/// </summary>
internal sealed class GstPipelineHandle : GstElementHandle
{
    public GstPipelineHandle()
    {
    }

    /// <summary>Takes ownership of a full (non-floating) reference.</summary>
    public static GstPipelineHandle Own(IntPtr pipeline)
    {
        var h = new GstPipelineHandle();
        h.SetHandle(pipeline);
        return h;
    }

    protected override bool ReleaseHandle()
    {
        GstCoreApi.SetState(handle, GstState.Null);
        return base.ReleaseHandle();
    }
}
