namespace EdgePose.Native.OpenCv;

/// <summary>Which OpenCV video backend opens a source (epcv_video_api).</summary>
public enum VideoApi
{
    /// <summary>The first backend that can open it.</summary>
    Any = 0,
    Ffmpeg = 1,

    /// <summary>The source is a GStreamer pipeline ending in appsink (capture) or starting at appsrc (writer).</summary>
    GStreamer = 2,

    /// <summary>Video4Linux cameras (capture only).</summary>
    V4l2 = 3,
}
