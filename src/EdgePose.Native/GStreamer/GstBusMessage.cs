namespace EdgePose.Native.GStreamer;

/// <summary>An error or warning read from a pipeline's bus: its text, the element that posted it and GStreamer's debug detail.</summary>
public sealed record GstBusMessage(bool IsError, string Text, string? Element, string? Debug)
{
    /// <summary>"text (element)", on one line.</summary>
    public override string ToString() => Element is null ? Text : $"{Text} ({Element})";
}
