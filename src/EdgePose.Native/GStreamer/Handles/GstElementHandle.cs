namespace EdgePose.Native.GStreamer.Handles;

/// <summary>Owns one reference to a GstElement (such as the appsink found in a pipeline).</summary>
internal class GstElementHandle : GstObjectHandle
{
}
