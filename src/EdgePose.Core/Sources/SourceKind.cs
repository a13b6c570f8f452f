namespace EdgePose.Core.Sources;

/// <summary>What a source URI names (see <see cref="SourceUri"/>).</summary>
public enum SourceKind
{
    /// <summary>One image file.</summary>
    Image,

    /// <summary>A folder of images (not recursive).</summary>
    ImageFolder,

    /// <summary>A video file (a path or file://).</summary>
    VideoFile,

    /// <summary>An RTSP stream (rtsp:// or rtsps://).</summary>
    Rtsp,

    /// <summary>A V4L2 camera (v4l2:///dev/videoN or a bare camera index N).</summary>
    Camera,

    /// <summary>A Jetson CSI camera through nvarguscamerasrc (csi://N).</summary>
    Csi,

    /// <summary>A raw GStreamer pipeline (gst://...).</summary>
    Pipeline,

    /// <summary>GStreamer's test pattern generator, videotestsrc (test://).</summary>
    TestPattern,
}
