namespace EdgePose.Host.Sinks.Spool;

/// <summary>Where a spooled event is: its segment's number, its record's offset in the file, and the offset after it.</summary>
public readonly record struct SpoolPosition(long Segment, long Offset, long Next);
