namespace EdgePose.Native.GStreamer.Interop;

/// <summary>GstState.</summary>
internal enum GstState
{
    VoidPending = 0,
    Null = 1,
    Ready = 2,
    Paused = 3,
    Playing = 4,
}
