namespace EdgePose.Native.GStreamer.Handles;

/// <summary>Owns one reference to a pipeline's GstBus.</summary>
internal sealed class GstBusHandle : GstObjectHandle
{
}
