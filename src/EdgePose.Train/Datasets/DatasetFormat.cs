using EdgePose.Core.Errors;

namespace EdgePose.Train.Datasets;

/// <summary>The annotation formats `data convert` reads and writes.</summary>
public enum DatasetFormat
{
    Labelme,
    Coco,
    Yolo,
}

/// <summary>Telling formats apart by what is on disk.</summary>
public static class DatasetFormats
{
    /// <summary>A .json file is COCO, a .yaml or a folder with a yaml is YOLO, a folder of .json files is labelme.</summary>
    public static DatasetFormat Detect(string input)
    {
        if (File.Exists(input))
        {
            return Path.GetExtension(input).ToLowerInvariant() switch
            {
                ".json" => DatasetFormat.Coco,
                ".yaml" or ".yml" => DatasetFormat.Yolo,
                _ => throw new InputException($"{input}: cannot tell the format from the extension; give --from"),
            };
        }

        if (Directory.Exists(input))
        {
            if (Directory.EnumerateFiles(input, "*.y*ml").Any())
            {
                return DatasetFormat.Yolo;
            }

            if (Directory.EnumerateFiles(input, "*.json", SearchOption.AllDirectories).Any())
            {
                return DatasetFormat.Labelme;
            }

            throw new InputException($"{input}: neither labelme json files nor a data.yaml here; give --from");
        }

        throw new InputException($"{input}: no such file or folder");
    }
}
