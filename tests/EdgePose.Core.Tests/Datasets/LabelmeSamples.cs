using EdgePose.Core.Datasets.Labelme;
using EdgePose.Core.Meta;

namespace EdgePose.Tests;

/// <summary>
/// Generated labelme files for a non-human skeleton: a cat with 8 keypoints. Shared by the Core and the
/// Train tests (linked into both).
/// </summary>
internal static class LabelmeSamples
{
    public static readonly string[] KeypointNames =
        ["nose", "left_eye", "right_eye", "neck", "left_front_paw", "right_front_paw", "tail_base", "tail_tip"];

    /// <summary>Meta and labelme mapping in one file: the cat's labelme label for the nose is "snout".</summary>
    public const string ConfigYaml = """
        dataset_name: cat8
        kpt_shape: [8, 3]
        keypoint_names: [nose, left_eye, right_eye, neck, left_front_paw, right_front_paw, tail_base, tail_tip]
        flip_idx: [0, 2, 1, 3, 5, 4, 6, 7]
        skeleton: [[0, 1], [0, 2], [0, 3], [3, 4], [3, 5], [3, 6], [6, 7]]
        names: [cat, kitten]
        keypoint_labels: {snout: nose}
        hidden_suffix: _hidden
        """;

    public static KeypointMeta Meta => KeypointMetaYaml.Parse(ConfigYaml, "cat8.yaml");

    public static LabelmeConfig Config => LabelmeConfigYaml.Parse(ConfigYaml, "cat8.yaml");

    public static string LabelOf(string keypoint) => keypoint == "nose" ? "snout" : keypoint;

    public static LabelmeShape Rect(string label, double x1, double y1, double x2, double y2, int? group = null) =>
        new() { Label = label, ShapeType = "rectangle", Points = [[x1, y1], [x2, y2]], GroupId = group, Flags = [] };

    public static LabelmeShape Point(string label, double x, double y, int? group = null) =>
        new() { Label = label, ShapeType = "point", Points = [[x, y]], GroupId = group, Flags = [] };

    public static LabelmeDocument Document(string imagePath, int width, int height, params LabelmeShape[] shapes) => new()
    {
        Version = "5.4.1",
        Flags = [],
        Shapes = [.. shapes],
        ImagePath = imagePath,
        ImageWidth = width,
        ImageHeight = height,
    };

    /// <summary>A cat's rectangle and its 8 points at random spots inside it, leaving out <paramref name="skip"/>.</summary>
    public static IEnumerable<LabelmeShape> Cat(Random rng, double x1, double y1, double x2, double y2, string cls = "cat", int? group = null, params string[] skip)
    {
        yield return Rect(cls, x1, y1, x2, y2, group);
        foreach (var k in KeypointNames.Where(k => !skip.Contains(k)))
        {
            yield return Point(LabelOf(k), x1 + (rng.NextDouble() * (x2 - x1)), y1 + (rng.NextDouble() * (y2 - y1)), group);
        }
    }

    /// <summary>A few images with one or two non-overlapping cats each, some points left out, one hidden.</summary>
    public static List<LabelmeImage> Set(int seed = 7)
    {
        var rng = new Random(seed);
        var list = new List<LabelmeImage>();
        for (int i = 0; i < 5; i++)
        {
            int w = 640 + (i * 37), h = 480 - (i * 23);
            var shapes = Cat(rng, 10.25 + i, 20.5, 300.75, 400.125 - (i * 10)).ToList();
            if (i % 2 == 1)
            {
                shapes.AddRange(Cat(rng, 320.5, 30.333, 620.125 + i, 300.9, "kitten", null, "tail_tip", "left_eye"));
            }

            if (i == 3)
            {
                var p = shapes.First(s => s.ShapeType == "point" && s.Label == "neck");
                p.Label = "neck_hidden";
            }

            var name = $"cat_{i:000}.jpg";
            list.Add(new LabelmeImage($"labelme/cat_{i:000}.json", Document(name, w, h, [.. shapes]), name));
        }

        return list;
    }
}
