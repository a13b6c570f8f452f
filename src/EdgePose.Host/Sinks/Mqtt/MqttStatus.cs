using System.Text.Json;
using EdgePose.Core.Events;

namespace EdgePose.Host.Sinks.Mqtt;

/// <summary>
/// The retained status message of a device, on {prefix}/{device}/status: "online" with what consumers need to read
/// its events (schema version, EdgePose version, model, keypoint names, sources), and the last will "offline" the
/// broker publishes when the connection is lost without a goodbye (and the sink publishes at a clean end).
/// </summary>
/// <param name="Version">EdgePose's version.</param>
/// <param name="KeypointNames">The model's keypoint names, in the order of every event's keypoints.</param>
/// <param name="Sources">The ids of the run's sources.</param>
public sealed record MqttStatus(string Version, IReadOnlyList<string> KeypointNames, IReadOnlyList<string> Sources)
{
    /// <summary>{"state":"online","schema":...,"device":...,"version":...,"model":...,"keypoints":[...],"sources":[...]}</summary>
    public byte[] Online(PoseEventOptions events)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("state", "online");
            w.WriteString("schema", PoseEventSchema.Version);
            w.WriteString("device", events.DeviceId);
            w.WriteString("version", Version);
            w.WriteString("model", events.ModelId);
            w.WriteStartArray("keypoints");
            foreach (var name in KeypointNames)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            w.WriteStartArray("sources");
            foreach (var s in Sources)
            {
                w.WriteStringValue(s);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>{"state":"offline","device":...}</summary>
    public static byte[] Offline(PoseEventOptions events)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("state", "offline");
            w.WriteString("device", events.DeviceId);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
