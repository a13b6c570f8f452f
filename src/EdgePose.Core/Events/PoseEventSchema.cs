namespace EdgePose.Core.Events;

/// <summary>
/// The pose event format's version, as every event carries it in <c>"schema"</c>. Version 1 is frozen: any change
/// to the shape or meaning of an event is a new version with its own schema file (docs/events.md,
/// schemas/pose-event.v1.schema.json).
/// </summary>
public static class PoseEventSchema
{
    /// <summary>The value of every v1 event's "schema" field.</summary>
    public const string Version = "edgepose.poses/1";

    /// <summary>The JSON Schema file of v1, relative to the repository root.</summary>
    public const string SchemaFile = "schemas/pose-event.v1.schema.json";

    /// <summary>The MIME type events are published with (MQTT 5 content type).</summary>
    public const string ContentType = "application/json";
}
