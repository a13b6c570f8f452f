using EdgePose.Core.Datasets.Conversion;
using EdgePose.Core.Datasets.Yolo;
using EdgePose.Core.Errors;

namespace EdgePose.Train.Datasets;

/// <summary>
/// A YOLO-pose data set on disk, found from its data.yaml (or a folder holding one): the root ('path', else
/// the yaml's folder), and for each split the image files its folders or .txt lists name. Labels sit where
/// <see cref="YoloLabelPaths"/> says.
/// </summary>
public sealed class YoloDatasetFolder
{
    private YoloDatasetFolder(string yamlPath, string yamlText, string root, DataYaml yaml, IReadOnlyList<SplitImages> splits)
    {
        YamlPath = yamlPath;
        YamlText = yamlText;
        Root = root;
        Yaml = yaml;
        Splits = splits;
    }

    public string YamlPath { get; }

    public string YamlText { get; }

    public string Root { get; }

    public DataYaml Yaml { get; }

    public IReadOnlyList<SplitImages> Splits { get; }

    /// <summary>One split: its name, the folders its images were found in (empty for lists) and the image files.</summary>
    public sealed record SplitImages(string Name, IReadOnlyList<string> ImageFolders, IReadOnlyList<string> Images);

    /// <summary>The data.yaml itself, or the one yaml file in a folder (data.yaml when there are several).</summary>
    public static string FindYaml(string path)
    {
        if (File.Exists(path))
        {
            return path;
        }

        if (!Directory.Exists(path))
        {
            throw new InputException($"{path}: no such file or folder");
        }

        var yamls = Directory.GetFiles(path, "*.yaml").Concat(Directory.GetFiles(path, "*.yml")).Order(StringComparer.Ordinal).ToList();
        return yamls.Count switch
        {
            1 => yamls[0],
            0 => throw new InputException($"{path}: no data.yaml in this folder; give the yaml file"),
            _ => yamls.FirstOrDefault(y => Path.GetFileName(y) is "data.yaml" or "data.yml")
                 ?? throw new InputException($"{path}: several yaml files ({string.Join(", ", yamls.Select(Path.GetFileName))}); give the data.yaml to use"),
        };
    }

    public static YoloDatasetFolder Load(string yamlOrFolder)
    {
        var yamlPath = FindYaml(yamlOrFolder);
        var text = File.ReadAllText(yamlPath);
        var yaml = DataYamlReader.Parse(text, yamlPath);
        var root = YoloDatasetPaths.Root(yamlPath, yaml.RootPath);
        if (!Directory.Exists(root))
        {
            throw new InputException($"{DisplayPaths.At(yamlPath, yaml.LineOf("path"))}: data set root {root} does not exist");
        }

        var splits = new List<SplitImages>();
        foreach (var name in new[] { "train", "val", "test" })
        {
            var folders = new List<string>();
            var images = new List<string>();
            foreach (var entry in yaml.Split(name))
            {
                var full = YoloDatasetPaths.EntryPath(root, entry);
                if (Directory.Exists(full))
                {
                    folders.Add(full);
                    images.AddRange(ImageFiles.Find(full));
                }
                else if (File.Exists(full) && YoloDatasetPaths.IsImageList(full))
                {
                    images.AddRange(YoloDatasetPaths.ListedImages(File.ReadAllLines(full), full, root));
                }
                else
                {
                    throw new InputException($"{DisplayPaths.At(yamlPath, yaml.LineOf(name))}: {name} '{entry}' is neither a folder nor a .txt image list under {root}");
                }
            }

            if (yaml.Split(name).Count > 0)
            {
                splits.Add(new SplitImages(name, folders, images.Distinct(StringComparer.Ordinal).ToList()));
            }
        }

        return new YoloDatasetFolder(yamlPath, text, root, yaml, splits);
    }

    /// <summary>
    /// One image's labels for <see cref="YoloToCoco"/>, named <paramref name="fileName"/>: its size from its header and
    /// the text of its label file (null when there is none: an image without objects).
    /// </summary>
    public static YoloImageLabels ReadLabels(string imagePath, string fileName)
    {
        var h = ImageFiles.ReadHeader(imagePath);
        var label = YoloLabelPaths.LabelPathFor(imagePath);
        var text = label is not null && File.Exists(label) ? File.ReadAllText(label) : null;
        return new YoloImageLabels(fileName, h.DisplayWidth, h.DisplayHeight, text, label ?? imagePath);
    }
}
