using System.Security.Cryptography;
using EdgePose.Core.Datasets.Checks;
using EdgePose.Core.Datasets.Yolo;

namespace EdgePose.Train.Datasets;

/// <summary>
/// Gathers a YOLO-pose data set for <see cref="DatasetCheck"/>: image paths with a SHA-256 of their bytes and
/// the text of every label file in the labels folders, all as paths relative to the data set root.
/// </summary>
public static class DatasetChecker
{
    public static (YoloDatasetFolder Set, DatasetCheckReport Report) Run(string yamlOrFolder, CheckOptions options)
    {
        var set = YoloDatasetFolder.Load(yamlOrFolder);
        var images = new List<CheckedImage>();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var split in set.Splits)
        {
            foreach (var path in split.Images)
            {
                images.Add(new CheckedImage(split.Name, DisplayPaths.Relative(set.Root, path), Digest(path)));
                if (split.ImageFolders.Count == 0 && YoloLabelPaths.LabelPathFor(path) is { } listed && File.Exists(listed))
                {
                    labels[DisplayPaths.Relative(set.Root, listed)] = File.ReadAllText(listed);
                }
            }

            foreach (var folder in split.ImageFolders)
            {
                if (YoloLabelPaths.LabelFolderFor(folder) is { } labelFolder && Directory.Exists(labelFolder))
                {
                    foreach (var txt in Directory.EnumerateFiles(labelFolder, "*.txt", SearchOption.AllDirectories))
                    {
                        labels[DisplayPaths.Relative(set.Root, txt)] = File.ReadAllText(txt);
                    }
                }
            }
        }

        var yaml = set.Yaml with { Source = DisplayPaths.Relative(set.Root, set.YamlPath) };
        return (set, DatasetCheck.Run(new DatasetCheckInput { Yaml = yaml, Images = images, Labels = labels }, options));
    }

    private static string Digest(string path)
    {
        using var f = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(f));
    }
}
