using EdgePose.Core.Datasets.Yolo;
using EdgePose.Core.Errors;

namespace EdgePose.Train.Datasets;

/// <summary>
/// The image/label pairs `data split` distributes, from one of three layouts: a data.yaml or a folder with
/// one that names splits (all its splits pooled), a folder with images/ and labels/ (Ultralytics' layout, subfolders allowed), or a flat folder
/// with each image's .txt beside it. Each pair has a relative path kept in the output and a source folder
/// (its subfolder) for stratification.
/// </summary>
public sealed class SplitSource
{
    public sealed record Pair(string Image, string? Label, string RelativePath, string Group);

    public required IReadOnlyList<Pair> Pairs { get; init; }

    /// <summary>The data.yaml found with the data (its meta and names go into the new data.yaml), or null.</summary>
    public string? YamlPath { get; init; }

    public static SplitSource Find(string input)
    {
        if (File.Exists(input))
        {
            return FromYaml(input);
        }

        if (!Directory.Exists(input))
        {
            throw new InputException($"{input}: no such file or folder");
        }

        var yamls = Directory.GetFiles(input, "*.yaml").Concat(Directory.GetFiles(input, "*.yml")).ToList();
        string? yaml = yamls.Count > 0 ? YoloDatasetFolder.FindYaml(input) : null;
        if (yaml is not null)
        {
            var y = DataYamlReader.Parse(File.ReadAllText(yaml), yaml);
            if (y.Train.Count + y.Val.Count + y.Test.Count > 0)
            {
                return FromYaml(yaml);
            }
        }

        var imagesDir = Path.Combine(input, "images");
        bool layout = Directory.Exists(imagesDir);
        var baseDir = layout ? imagesDir : input;
        var pairs = new List<Pair>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var image in ImageFiles.Find(baseDir))
        {
            var label = layout ? YoloLabelPaths.LabelPathFor(image) : Path.ChangeExtension(image, ".txt");
            var rel = DisplayPaths.Relative(baseDir, image);
            var existing = label is not null && File.Exists(label) ? label : null;
            if (existing is not null && !claimed.Add(existing))
            {
                throw new InputException($"{image}: shares the label file {existing} with another image");
            }

            pairs.Add(new Pair(image, existing, rel, Path.GetDirectoryName(rel)?.Replace('\\', '/') ?? ""));
        }

        var labelRoot = layout ? Path.Combine(input, "labels") : input;
        if (Directory.Exists(labelRoot))
        {
            foreach (var txt in Directory.EnumerateFiles(labelRoot, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (!claimed.Contains(txt) && (layout || !IsSideFile(txt)))
                {
                    throw new InputException($"{txt}: label file has no image; remove it or add its image before splitting");
                }
            }
        }

        return new SplitSource { Pairs = pairs, YamlPath = yaml };
    }

    private static SplitSource FromYaml(string input)
    {
        var set = YoloDatasetFolder.Load(input);
        var pairs = new List<Pair>();
        foreach (var split in set.Splits)
        {
            foreach (var image in split.Images)
            {
                var label = YoloLabelPaths.LabelPathFor(image);
                var folder = split.ImageFolders.FirstOrDefault(f => !Path.IsPathRooted(DisplayPaths.Relative(f, image)));
                var rel = folder is null ? Path.GetFileName(image) : DisplayPaths.Relative(folder, image);
                pairs.Add(new Pair(image, label is not null && File.Exists(label) ? label : null, rel, split.Name + "/" + (Path.GetDirectoryName(rel)?.Replace('\\', '/') ?? "")));
            }
        }

        return new SplitSource { Pairs = pairs, YamlPath = set.YamlPath };
    }

    /// <summary>Text files in a flat folder that are not labels (a README, a classes list).</summary>
    private static bool IsSideFile(string txt) => Path.GetFileName(txt) is "classes.txt" or "README.txt" or "readme.txt"
        || Path.GetFileNameWithoutExtension(txt) is "train" or "val" or "test";
}
