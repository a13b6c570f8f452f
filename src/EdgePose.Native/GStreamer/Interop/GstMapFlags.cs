namespace EdgePose.Native.GStreamer.Interop;

/// <summary>GstMapFlags.</summary>
[Flags]
internal enum GstMapFlags
{
    Read = 1 << 0,
}
