using System.Text.Json;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Parity;

/// <summary>
/// The Ultralytics reference for one data set (../shared/reference): per image file its id, the sha256
/// of the model input tensor, and the PREDICT and VAL detections in keep order.
/// </summary>
internal sealed class ReferenceSet
{
    public required string Name { get; init; }

    public required IReadOnlyList<ReferenceImage> Images { get; init; }

    public static ReferenceSet Load(string name, Func<string, string> imagePath)
    {
        using var raw = JsonDocument.Parse(File.ReadAllText(TestPaths.Reference($"{name}_predict_raw.json")));
        var predict = ByImage(TestPaths.Reference($"{name}_predict_results.json"));
        var val = ByImage(TestPaths.Reference($"{name}_val_results.json"));
        var images = new List<ReferenceImage>();
        foreach (var p in raw.RootElement.EnumerateObject())
        {
            long id = p.Value.GetProperty("image_id").GetInt64();
            images.Add(new ReferenceImage(
                p.Name,
                imagePath(p.Name),
                id,
                p.Value.GetProperty("input_f32_sha256").GetString()!,
                p.Value.GetProperty("output0_f32_sha256").GetString()!,
                predict.GetValueOrDefault(id) ?? [],
                val.GetValueOrDefault(id) ?? []));
        }

        return new ReferenceSet { Name = name, Images = images };
    }

    private static Dictionary<long, List<ReferenceDetection>> ByImage(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var map = new Dictionary<long, List<ReferenceDetection>>();
        foreach (var d in doc.RootElement.EnumerateArray())
        {
            long id = d.GetProperty("image_id").GetInt64();
            var b = d.GetProperty("bbox").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var det = new ReferenceDetection(
                [b[0], b[1], b[0] + b[2], b[1] + b[3]],
                d.GetProperty("score").GetDouble(),
                d.GetProperty("keypoints").EnumerateArray().Select(e => e.GetDouble()).ToArray());
            if (!map.TryGetValue(id, out var list))
            {
                map[id] = list = [];
            }

            list.Add(det);
        }

        return map;
    }
}

internal sealed record ReferenceImage(
    string FileName,
    string Path,
    long ImageId,
    string InputSha256,
    string OutputSha256,
    IReadOnlyList<ReferenceDetection> Predict,
    IReadOnlyList<ReferenceDetection> Val);
