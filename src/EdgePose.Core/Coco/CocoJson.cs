using System.Text.Json;
using System.Text.Json.Serialization;
using EdgePose.Core.Datasets;

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

    /// <summary>Every image has a positive width and height (results files and tests may leave them out; ground truth for val or conversion may not).</summary>
    public static void CheckImageSizes(CocoDataset d, string source)
    {
        foreach (var img in d.Images)
        {
            if (img.Width <= 0 || img.Height <= 0)
            {
                throw new FormatException($"{source}: image {img.Id} '{img.FileName}' has size {img.Width} × {img.Height}; width and height must be positive");
            }
        }
    }

    /// <summary>
    /// Throws a <see cref="FormatException"/> on the first inconsistency. The one check of COCO ground truth:
    /// `val` (through <c>CocoGroundTruth</c>) and `data convert` both use it, so a file one rejects the other
    /// rejects too. Beyond the structure: images have a positive size; boxes are finite with no negative width
    /// or height; an annotation of a category that names keypoints has 3 × K finite keypoint values (not null)
    /// with visibilities 0, 1 or 2. Image sizes are checked by <see cref="CheckImageSizes"/>, which both also call.
    /// </summary>
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

            if (a.Bbox.Any(v => !double.IsFinite(v)) || a.Bbox[2] < 0 || a.Bbox[3] < 0)
            {
                throw new FormatException($"{source}: annotation {a.Id} bbox [{string.Join(", ", a.Bbox.Select(NumberText.Short))}] has a negative or non-finite value; expected x, y, width, height with width and height at least 0");
            }

            if (k == 0)
            {
                continue;
            }

            if (a.Keypoints is not { } kp)
            {
                throw new FormatException($"{source}: annotation {a.Id} of keypoint category {a.CategoryId} has no keypoints (null or missing); give 3 × {k} values, zeros for keypoints not labelled");
            }

            if (kp.Length != k * 3)
            {
                throw new FormatException($"{source}: annotation {a.Id} has {kp.Length} keypoint values, expected {k * 3} (3 × {k} keypoints of category {a.CategoryId})");
            }

            for (int j = 0; j < k; j++)
            {
                double v = kp[(3 * j) + 2];
                if (v is not (0 or 1 or 2))
                {
                    throw new FormatException($"{source}: annotation {a.Id} keypoint {j} visibility {NumberText.Short(v)} is not 0, 1 or 2");
                }

                if (!double.IsFinite(kp[3 * j]) || !double.IsFinite(kp[(3 * j) + 1]))
                {
                    throw new FormatException($"{source}: annotation {a.Id} keypoint {j} ({NumberText.Short(kp[3 * j])}, {NumberText.Short(kp[(3 * j) + 1])}) is not a finite x, y");
                }
            }
        }
    }
}
