using System.Text.Json;

namespace EdgePose.Core.Models;

/// <summary>
/// Reads Ultralytics' model metadata: ONNX metadata_props (values written as Python literals, e.g.
/// names = "{0: 'person'}") and the JSON header of Ultralytics .engine files (the same keys, JSON values).
/// </summary>
/// <remarks>
/// Keys read: task, kpt_shape, kpt_names, names, stride, imgsz, end2end, batch, args (only args.nms).
/// An absent key gives null (never a default); a malformed value is a <see cref="FormatException"/>
/// naming the source and the key. Accepted forms: names as {index: name} (int or digit-string keys,
/// indices 0..N-1) or a list; stride as an int or a list (the largest is taken); imgsz as [h, w], [n] or n.
/// <para>
/// <see cref="ModelMetadata.EndToEnd"/> follows Ultralytics' own AutoBackend: true when end2end is True
/// <em>or</em> args.nms is True (an nms=True export puts NMS in the graph whatever end2end says);
/// otherwise the end2end value, or null when end2end is absent (args.nms = False alone says nothing
/// about end-to-end heads, e.g. YOLOv10 exports written before the end2end key existed).
/// </para>
/// </remarks>
public static class UltralyticsMetadataParser
{
    /// <summary>Keys whose ONNX values are Python literals; all others are kept as plain text.</summary>
    private static readonly string[] s_literalKeys = ["kpt_shape", "kpt_names", "names", "stride", "imgsz", "end2end", "batch", "args"];

    /// <summary>From ONNX metadata_props; <paramref name="source"/> names the file in error messages.</summary>
    public static ModelMetadata Parse(IReadOnlyDictionary<string, string> props, string source)
    {
        var raw = new OrderedDictionary<string, string>(props.Count);
        foreach (var (key, value) in props)
        {
            raw[key] = value;
        }

        var values = new Dictionary<string, object?>();
        if (raw.TryGetValue("task", out var task))
        {
            values["task"] = task;
        }

        foreach (var key in s_literalKeys)
        {
            if (!raw.TryGetValue(key, out var text))
            {
                continue;
            }

            try
            {
                values[key] = PythonLiteral.Parse(text);
            }
            catch (PythonLiteralException e)
            {
                throw new MetadataFields(source, raw, values).Malformed(key, $"is not a Python literal ({e.Message})");
            }
        }

        return Build(new MetadataFields(source, raw, values));
    }

    /// <summary>From the JSON metadata of an Ultralytics .engine file.</summary>
    public static ModelMetadata ParseJson(string json, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: model metadata is not valid JSON ({e.Message})");
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{source}: model metadata is JSON {doc.RootElement.ValueKind}, not an object");
            }

            var raw = new OrderedDictionary<string, string>();
            var values = new Dictionary<string, object?>();
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                var v = property.Value;
                raw[property.Name] = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
                values[property.Name] = JsonToValue(v);
            }

            return Build(new MetadataFields(source, raw, values));
        }
    }

    private static ModelMetadata Build(MetadataFields f)
    {
        var kpt = f.KeypointShape("kpt_shape");
        var end2end = f.Bool("end2end");
        bool? nms = f.ArgsNms("args");
        return new ModelMetadata
        {
            Task = f.Text("task"),
            KeypointCount = kpt?.Count,
            KeypointDims = kpt?.Dims,
            KeypointNames = f.KeypointNames("kpt_names"),
            Names = f.Names("names") ?? new Dictionary<int, string>(),
            Stride = f.Stride("stride"),
            ImageSize = f.ImageSize("imgsz"),
            EndToEnd = end2end == true || nms == true ? true : end2end,
            Batch = f.PositiveInt("batch"),
            Raw = f.Raw,
        };
    }

    /// <summary>A JSON value as the same .NET objects <see cref="PythonLiteral"/> gives.</summary>
    private static object? JsonToValue(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => JsonObjectToDict(e),
        JsonValueKind.Array => e.EnumerateArray().Select(JsonToValue).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out long l) ? l : e.TryGetDouble(out double d) ? d : (object)e.GetRawText(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static OrderedDictionary<object, object?> JsonObjectToDict(JsonElement e)
    {
        var d = new OrderedDictionary<object, object?>();
        foreach (var p in e.EnumerateObject())
        {
            d[p.Name] = JsonToValue(p.Value);
        }

        return d;
    }
}
