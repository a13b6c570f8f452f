using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgePose.Core.Coco;

/// <summary>
/// Reads and writes COCO keypoints ground truth and results JSON, and checks that a ground-truth file
/// hangs together (unique ids, annotations pointing at existing images and categories, keypoint arrays
/// of 3 × K values for their category). Errors are <see cref="FormatException"/>s naming the source.
/// </summary>
public static class CocoJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        AllowTrailingCommas = true,
    };

    public static CocoDataset ParseDataset(string json, string source)
    {
        CocoDataset? d;
        try
        {
            d = JsonSerializer.Deserialize<CocoDataset>(json, Options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: not a COCO json ({e.Message})", e);
        }

        if (d is null)
        {
            throw new FormatException($"{source}: empty COCO json");
        }

        Validate(d, source);
        return d;
    }

    public static List<CocoDetection> ParseResults(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<List<CocoDetection>>(json, Options)
                ?? throw new FormatException($"{source}: COCO results must be a JSON list");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: not a COCO results json list ({e.Message})", e);
        }
    }

    public static string Serialize(CocoDataset dataset) => JsonSerializer.Serialize(dataset, Options);

    public static string Serialize(IEnumerable<CocoDetection> results) => JsonSerializer.Serialize(results, Options);

    /// <summary>Throws a <see cref="FormatException"/> on the first inconsistency.</summary>
    public static void Validate(CocoDataset d, string source)
    {
        var imageIds = new HashSet<long>();
        foreach (var img in d.Images)
        {
            if (!imageIds.Add(img.Id))
            {
                throw new FormatException($"{source}: image id {img.Id} appears twice");
            }
        }

        var keypointsPerCategory = new Dictionary<int, int>();
        foreach (var c in d.Categories)
        {
            if (!keypointsPerCategory.TryAdd(c.Id, c.Keypoints?.Length ?? 0))
            {
                throw new FormatException($"{source}: category id {c.Id} appears twice");
            }

            foreach (var link in c.Skeleton ?? [])
            {
                int k = c.Keypoints?.Length ?? 0;
                if (link.Length != 2 || link.Any(i => i < 1 || i > k))
                {
                    throw new FormatException($"{source}: category {c.Id} skeleton link [{string.Join(", ", link)}] is not a pair of 1-based indices within 1..{k}");
                }
            }
        }

        var annotationIds = new HashSet<long>();
        foreach (var a in d.Annotations)
        {
            if (!annotationIds.Add(a.Id))
            {
                throw new FormatException($"{source}: annotation id {a.Id} appears twice");
            }

            if (!imageIds.Contains(a.ImageId))
            {
                throw new FormatException($"{source}: annotation {a.Id} refers to image {a.ImageId}, which is not in images");
            }

            if (!keypointsPerCategory.TryGetValue(a.CategoryId, out int k))
            {
                throw new FormatException($"{source}: annotation {a.Id} refers to category {a.CategoryId}, which is not in categories");
            }

            if (a.Bbox.Length != 4)
            {
                throw new FormatException($"{source}: annotation {a.Id} bbox has {a.Bbox.Length} values, expected 4 (x, y, w, h)");
            }

            if (a.Keypoints is { } kp && k > 0 && kp.Length != k * 3)
            {
                throw new FormatException($"{source}: annotation {a.Id} has {kp.Length} keypoint values, expected {k * 3} (3 × {k} keypoints of category {a.CategoryId})");
            }
        }
    }
}
