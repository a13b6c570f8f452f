using EdgePose.Core.Errors;

namespace EdgePose.Core.Events;

/// <summary>
/// What every event of a run says about where it comes from, and the policy for frames with no person.
/// </summary>
/// <param name="DeviceId">This device's id in events and topics (e.g. the host name), not empty.</param>
/// <param name="ModelId">The model's id in events (e.g. its file name without extension), not empty.</param>
public sealed record PoseEventOptions(string DeviceId, string ModelId)
{
    /// <summary>Frames with no person: by default one event per source per second keeps consumers sure the source is alive.</summary>
    public EmptyFramePolicy EmptyFrames { get; init; } = EmptyFramePolicy.Heartbeat(TimeSpan.FromSeconds(1));

    /// <summary>This, or an error naming the empty field.</summary>
    public PoseEventOptions Validated()
    {
        if (string.IsNullOrWhiteSpace(DeviceId))
        {
            throw new InputException("events: the device id is empty");
        }

        if (string.IsNullOrWhiteSpace(ModelId))
        {
            throw new InputException("events: the model id is empty");
        }

        if (EmptyFrames.Mode == EmptyFrameMode.Heartbeat && EmptyFrames.Interval <= TimeSpan.Zero)
        {
            throw new InputException("events: the empty-frame heartbeat interval must be more than 0 s");
        }

        return this;
    }
}
