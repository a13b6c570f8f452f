namespace EdgePose.Core.Sources;

/// <summary>
/// The codec of an RTSP stream, needed only for the hardware decoder path (depayloader and parser are
/// named); <see cref="Auto"/> lets decodebin find out.
/// </summary>
public enum VideoCodec
{
    Auto,
    H264,
    H265,
}
