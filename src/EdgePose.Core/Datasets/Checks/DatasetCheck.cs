using EdgePose.Core.Datasets.Yolo;
using EdgePose.Core.Meta;

namespace EdgePose.Core.Datasets.Checks;

/// <summary>
/// Checks a YOLO-pose data set: the data.yaml (<see cref="DataYamlChecks"/>), every label file
/// (<see cref="LabelFileChecks"/>), images without labels and labels without images, and duplicate
/// images (same bytes; an error when they sit in different splits, as validation then sees training data).
/// </summary>
public static class DatasetCheck
{
    public static DatasetCheckReport Run(DatasetCheckInput input, CheckOptions? options = null)
    {
        options ??= new CheckOptions();
        var findings = new List<CheckFinding>();
        var summary = new DatasetSummary();
        var y = input.Yaml;
        var shape = DataYamlChecks.Check(y, findings);
        IReadOnlyList<string> names = [];
        if (shape is { } s)
        {
            summary.LabelledPerKeypoint = new int[s.K];
            names = y.KeypointNames is { } given && given.Count == s.K ? given : KeypointMeta.ForKeypointCount(s.K, s.D).KeypointNames;
            summary.KeypointNames = names;
        }

        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        var images = input.Images.OrderBy(i => SplitOrder(i.Split)).ThenBy(i => i.Split, StringComparer.Ordinal).ThenBy(i => i.Path, StringComparer.Ordinal).ToList();
        foreach (var img in images)
        {
            summary.ImagesPerSplit[img.Split] = summary.ImagesPerSplit.GetValueOrDefault(img.Split) + 1;
            var labelPath = YoloLabelPaths.LabelPathFor(img.Path);
            if (labelPath is null)
            {
                findings.Add(new CheckFinding(CheckSeverity.Error, img.Path, null, "image is not inside an 'images' folder, so its label file cannot be found"));
                continue;
            }

            if (!claimed.TryAdd(labelPath, img.Path))
            {
                findings.Add(new CheckFinding(CheckSeverity.Error, img.Path, null, $"shares the label file {labelPath} with {claimed[labelPath]}"));
                continue;
            }

            if (!input.Labels.TryGetValue(labelPath, out var text))
            {
                summary.BackgroundImages++;
                findings.Add(new CheckFinding(CheckSeverity.Warning, img.Path, null, $"no label file {labelPath}: the image is used as a background (no objects)"));
                continue;
            }

            summary.LabelFiles++;
            if (shape is null)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                summary.BackgroundImages++;
            }

            LabelFileChecks.Check(labelPath, text, shape.Value.K, shape.Value.D, names, Math.Max(y.Names.Count, 1), options, summary, findings);
        }

        foreach (var label in input.Labels.Keys.Where(l => !claimed.ContainsKey(l)).Order(StringComparer.Ordinal))
        {
            findings.Add(new CheckFinding(CheckSeverity.Error, label, null, "label file has no image (looked for the same name with an image extension under images/)"));
        }

        foreach (var group in images.GroupBy(i => i.ContentDigest).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var dup in group.Skip(1))
            {
                bool leak = !string.Equals(dup.Split, first.Split, StringComparison.Ordinal);
                findings.Add(new CheckFinding(
                    leak ? CheckSeverity.Error : CheckSeverity.Warning,
                    dup.Path,
                    null,
                    leak ? $"duplicate image: same bytes as {first.Path} in {first.Split}, so {dup.Split} sees {first.Split} data"
                         : $"duplicate image: same bytes as {first.Path}"));
            }
        }

        CheckEmptySplits(y, images, findings);
        return new DatasetCheckReport(findings, summary);
    }

    /// <summary>A split the data.yaml names that holds no images is an error, never a silent pass.</summary>
    private static void CheckEmptySplits(DataYaml y, List<CheckedImage> images, List<CheckFinding> findings)
    {
        foreach (var split in new[] { "train", "val", "test" })
        {
            var paths = y.Split(split);
            bool any = images.Any(i => i.Split == split || paths.Any(p => i.Path.StartsWith(p.TrimEnd('/') + "/", StringComparison.Ordinal)));
            if (paths.Count > 0 && !any)
            {
                findings.Add(new CheckFinding(CheckSeverity.Error, y.Source, y.LineOf(split), $"the {split} split ({string.Join(", ", paths)}) holds no images"));
            }
        }
    }

    private static int SplitOrder(string split) => split switch { "train" => 0, "val" => 1, "test" => 2, _ => 3 };
}
