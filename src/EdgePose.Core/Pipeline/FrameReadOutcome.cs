namespace EdgePose.Core.Pipeline;

/// <summary>What one <see cref="IFrameReader.Read"/> produced.</summary>
public enum FrameReadOutcome
{
    /// <summary>A frame was written.</summary>
    Frame,

    /// <summary>The source ended (a file's end).</summary>
    EndOfStream,

    /// <summary>No frame within the read timeout.</summary>
    Stalled,

    /// <summary>Nothing was written: the frame size or format changed; <see cref="IFrameReader.Shape"/> holds the new one.</summary>
    FormatChanged,
}
