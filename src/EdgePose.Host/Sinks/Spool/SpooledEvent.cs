namespace EdgePose.Host.Sinks.Spool;

/// <summary>One event read back from the spool: where it is (for <see cref="EventSpool.Acknowledge"/>), its topic and its payload.</summary>
public readonly record struct SpooledEvent(SpoolPosition Position, string Topic, byte[] Payload);
