using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgePose.Native.Cuda;
using EdgePose.TensorRt.Building;
using EdgePose.TensorRt.Compatibility;
using EdgePose.TensorRt.Runtime;

namespace EdgePose.TensorRt.Files;

/// <summary>Reads and writes <see cref="EngineSidecar"/> JSON. Read errors name the file and the field.</summary>
public static class EngineSidecarJson
{
    private const string FormatName = "edgepose-engine-sidecar";

    public static string Write(EngineSidecar s)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", FormatName);
            w.WriteNumber("formatVersion", EngineSidecar.CurrentFormatVersion);
            w.WriteStartObject("plan");
            w.WriteString("sha256", s.PlanSha256);
            w.WriteNumber("bytes", s.PlanBytes);
            w.WriteEndObject();
            w.WriteStartObject("onnx");
            w.WriteString("path", s.OnnxPath);
            w.WriteString("sha256", s.OnnxSha256);
            w.WriteEndObject();
            w.WriteString("tensorRt", s.TensorRt.ToString());
            w.WriteStartObject("gpu");
            w.WriteString("name", s.Gpu.Name);
            w.WriteString("computeCapability", s.Gpu.ComputeCapability.ToString());
            w.WriteEndObject();
            w.WriteStartObject("build");
            w.WriteString("precision", EngineBuildFlags.Spell(s.Build.Precision));
            w.WriteNumber("batch", s.Build.Batch);
            WriteNullable(w, "workspaceMiB", s.Build.WorkspaceMiB);
            WriteNullable(w, "dlaCore", s.Build.DlaCore);
            w.WriteString("calibrationImages", s.Build.CalibrationImages);
            w.WriteString("timingCache", s.Build.TimingCache);
            w.WriteEndObject();
            w.WriteString("createdUtc", s.CreatedUtc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteStartObject("modelMetadata");
            foreach (var (key, value) in s.ModelMetadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Parses sidecar JSON; <see cref="FormatException"/> naming <paramref name="source"/> and the bad field.</summary>
    public static EngineSidecar Read(string json, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: not valid JSON ({e.Message.ReplaceLineEndings(" ")})", e);
        }

        using (doc)
        {
            var r = new Reader(doc.RootElement, source);
            if (r.String("format") != FormatName)
            {
                throw new FormatException($"{source}: not an EdgePose engine sidecar ('format' is not '{FormatName}')");
            }

            var version = r.Int("formatVersion");
            if (version != EngineSidecar.CurrentFormatVersion)
            {
                throw new FormatException($"{source}: sidecar format version {version} is not supported (this EdgePose reads version {EngineSidecar.CurrentFormatVersion})");
            }

            var plan = r.Object("plan");
            var onnx = r.Object("onnx");
            var gpu = r.Object("gpu");
            var build = r.Object("build");
            return new EngineSidecar
            {
                PlanSha256 = plan.String("sha256"),
                PlanBytes = plan.Long("bytes"),
                OnnxPath = onnx.String("path"),
                OnnxSha256 = onnx.String("sha256"),
                TensorRt = r.Parse("tensorRt", TensorRtVersion.Parse),
                Gpu = new GpuIdentity(gpu.String("name"), gpu.Parse("computeCapability", ComputeCapability.Parse)),
                Build = new EngineBuildFlags
                {
                    Precision = build.Parse("precision", EngineBuildFlags.ParsePrecision),
                    Batch = build.Int("batch"),
                    WorkspaceMiB = build.OptionalInt("workspaceMiB"),
                    DlaCore = build.OptionalInt("dlaCore"),
                    CalibrationImages = build.OptionalString("calibrationImages"),
                    TimingCache = build.OptionalString("timingCache"),
                },
                CreatedUtc = r.Parse("createdUtc", t => DateTimeOffset.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)),
                ModelMetadata = r.StringMap("modelMetadata"),
            };
        }
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>Typed access to one JSON object with errors that say which field of which file.</summary>
    private readonly struct Reader(JsonElement element, string source, string path = "")
    {
        public Reader Object(string name) => new(Get(name, JsonValueKind.Object), source, path + name + ".");

        public string String(string name) => Get(name, JsonValueKind.String).GetString()!;

        public string? OptionalString(string name) =>
            element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Get(name, JsonValueKind.String).GetString() : null;

        public int Int(string name) => Get(name, JsonValueKind.Number).TryGetInt32(out var v) ? v : throw Bad(name, "is not a 32-bit integer");

        public long Long(string name) => Get(name, JsonValueKind.Number).TryGetInt64(out var v) ? v : throw Bad(name, "is not an integer");

        public int? OptionalInt(string name) =>
            element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Int(name) : null;

        public T Parse<T>(string name, Func<string, T> parse)
        {
            var text = String(name);
            try
            {
                return parse(text);
            }
            catch (FormatException e)
            {
                throw Bad(name, e.Message);
            }
        }

        public IReadOnlyDictionary<string, string> StringMap(string name)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!element.TryGetProperty(name, out var obj) || obj.ValueKind == JsonValueKind.Null)
            {
                return map;
            }

            if (obj.ValueKind != JsonValueKind.Object)
            {
                throw Bad(name, "is not an object");
            }

            foreach (var p in obj.EnumerateObject())
            {
                map[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            }

            return map;
        }

        private JsonElement Get(string name, JsonValueKind kind)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{source}: {(path.Length == 0 ? "the top level" : "'" + path.TrimEnd('.') + "'")} is not a JSON object");
            }

            if (!element.TryGetProperty(name, out var v))
            {
                throw Bad(name, "is missing");
            }

            return v.ValueKind == kind ? v : throw Bad(name, $"is {v.ValueKind}, expected {kind}");
        }

        private FormatException Bad(string name, string what) => new($"{source}: '{path}{name}' {what}");
    }
}
