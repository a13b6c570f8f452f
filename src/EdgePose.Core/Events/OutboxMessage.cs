namespace EdgePose.Core.Events;

/// <summary>One message waiting in an <see cref="EventOutbox"/>: its topic and its own copy of the payload.</summary>
/// <param name="Id">Position in the outbox's order, from 1 (what <see cref="EventOutbox.RemoveIfHead"/> takes).</param>
public readonly record struct OutboxMessage(long Id, string Topic, byte[] Payload);
