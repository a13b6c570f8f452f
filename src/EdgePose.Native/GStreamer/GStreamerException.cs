using EdgePose.Core.Errors;

namespace EdgePose.Native.GStreamer;

/// <summary>
/// A GStreamer source that cannot be used: GStreamer missing, a bad pipeline, a stream that fails or never
/// starts. The message is one line that names the source, with URL credentials hidden.
/// </summary>
public sealed class GStreamerException : InputException
{
    public GStreamerException(string message)
        : base(message)
    {
    }

    public GStreamerException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public GStreamerException()
    {
    }
}
