namespace EdgePose.Core.Pipeline;

/// <summary>Where a source is in its life; every change is logged and counted.</summary>
public enum SourceState
{
    /// <summary>Opening, before the first frame.</summary>
    Connecting,

    /// <summary>Frames are arriving.</summary>
    Live,

    /// <summary>No frame within the read timeout; the connection is dropped and reopened.</summary>
    Stalled,

    /// <summary>Lost (failed, stalled or refused); waiting out the backoff before the next attempt.</summary>
    Reconnecting,

    /// <summary>A file source reached its end (or its frame limit).</summary>
    Ended,

    /// <summary>The source cannot be read and will not be retried (a file that does not decode, a bad pipeline).</summary>
    Failed,

    /// <summary>Stopped by shutdown.</summary>
    Stopped,
}
