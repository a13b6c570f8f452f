namespace EdgePose.Native.GStreamer.Interop;

/// <summary>The GstMessageType bits EdgePose reads from a pipeline's bus.</summary>
[Flags]
internal enum GstMessageType : uint
{
    None = 0,
    Eos = 1u << 0,
    Error = 1u << 1,
    Warning = 1u << 2,
    StateChanged = 1u << 6,
}
