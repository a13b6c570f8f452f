using System.Text.Json;
using EdgePose.Core.Errors;

namespace EdgePose.Core.Events;

/// <summary>Reads v1 pose events (one JSON object, e.g. one line of a JSON Lines file) through source-generated metadata.</summary>
public static class PoseEventJson
{
    /// <summary>
    /// The event in <paramref name="utf8"/>; a malformed event, a missing field, an unknown field or another schema
    /// version is an <see cref="InputException"/> naming <paramref name="what"/> (e.g. "events.jsonl line 3").
    /// </summary>
    public static PoseEvent Parse(ReadOnlySpan<byte> utf8, string what = "event")
    {
        PoseEvent? e;
        try
        {
            e = JsonSerializer.Deserialize(utf8, PoseEventJsonContext.Default.PoseEvent);
        }
        catch (JsonException x)
        {
            throw new InputException($"{what} is not a v1 pose event: {x.Message}", x);
        }

        if (e is null)
        {
            throw new InputException($"{what} is null, not a pose event");
        }

        if (e.Schema != PoseEventSchema.Version)
        {
            throw new InputException($"{what} has schema '{e.Schema}', this reader takes '{PoseEventSchema.Version}'");
        }

        return e;
    }

    /// <summary>The event as compact JSON (through the same metadata; the pipeline writes with <see cref="PoseEventWriter"/>).</summary>
    public static string Serialize(PoseEvent e) => JsonSerializer.Serialize(e, PoseEventJsonContext.Default.PoseEvent);
}
