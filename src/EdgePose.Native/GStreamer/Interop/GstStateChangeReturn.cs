namespace EdgePose.Native.GStreamer.Interop;

/// <summary>GstStateChangeReturn.</summary>
internal enum GstStateChangeReturn
{
    Failure = 0,
    Success = 1,
    Async = 2,
    NoPreroll = 3,
}
