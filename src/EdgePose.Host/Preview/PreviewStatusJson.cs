using System.Text.Json;
using EdgePose.Core.Pipeline;

namespace EdgePose.Host.Preview;

/// <summary>
/// The preview's /status document: the pipeline's totals and, for every source, its state, frame rate,
/// persons in the latest frame, counters and last error; what the index page polls.
/// </summary>
/// <remarks>
/// { "elapsed_s", "fps", "frames", "persons", "dropped", "inference_busy",
///   "sources": [ { "id", "uri", "live", "state", "fps", "persons", "captured", "inferred", "dropped",
///   "reconnects", "stalls", "error", "watchers", "preview": { "width", "height" } } ] }
/// </remarks>
internal static class PreviewStatusJson
{
    public static void Write(Utf8JsonWriter w, IReadOnlyList<SourcePreview> previews, PipelineStats? stats, SourceRates rates)
    {
        w.WriteStartObject();
        w.WriteNumber("elapsed_s", Math.Round(stats?.Elapsed.TotalSeconds ?? 0, 1));
        double totalFps = 0;
        w.WriteStartArray("sources");
        for (int i = 0; i < previews.Count; i++)
        {
            var p = previews[i];
            var c = stats is not null && i < stats.Sources.Count ? stats.Sources[i] : null;
            double fps = c is null ? 0 : rates.Fps(i, c);
            totalFps += fps;
            w.WriteStartObject();
            w.WriteString("id", p.Source.Id);
            w.WriteString("uri", p.Source.Uri.Display);
            w.WriteBoolean("live", p.Source.IsLive);
            w.WriteString("state", (c?.State ?? SourceState.Connecting).ToString().ToLowerInvariant());
            w.WriteNumber("fps", Math.Round(fps, 1));
            w.WriteNumber("persons", p.LastPersons);
            w.WriteNumber("captured", c?.Captured ?? 0);
            w.WriteNumber("inferred", c?.Inferred ?? 0);
            w.WriteNumber("dropped", c?.Dropped ?? 0);
            w.WriteNumber("reconnects", c?.Reconnects ?? 0);
            w.WriteNumber("stalls", c?.Stalls ?? 0);
            if (c?.LastError is { } error)
            {
                w.WriteString("error", error);
            }
            else
            {
                w.WriteNull("error");
            }

            w.WriteNumber("watchers", p.Watchers);
            var (width, height) = p.Size;
            w.WriteStartObject("preview");
            w.WriteNumber("width", width);
            w.WriteNumber("height", height);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("fps", Math.Round(totalFps, 1));
        w.WriteNumber("frames", stats?.FramesInferred ?? 0);
        w.WriteNumber("persons", stats?.Persons ?? 0);
        w.WriteNumber("dropped", stats?.FramesDropped ?? 0);
        w.WriteNumber("inference_busy", Math.Round(stats?.InferenceUtilisation ?? 0, 3));
        w.WriteEndObject();
    }
}
