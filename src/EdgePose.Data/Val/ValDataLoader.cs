using EdgePose.Cli.Files;
using EdgePose.Core.Errors;

namespace EdgePose.Data.Val;

/// <summary>Reads --data: a COCO keypoints json (.json) or an Ultralytics data.yaml (.yaml, .yml).</summary>
public static class ValDataLoader
{
    public static ValData Load(string data, string? imagesFolder)
    {
        InputFile.Require(data, "data file");

        var loaded = LoadByType(data, imagesFolder);
        return loaded.Images.Count > 0
            ? loaded
            : throw new InputException($"{data}: the data holds no images to validate on");
    }

    private static ValData LoadByType(string data, string? imagesFolder)
    {
        var ext = Path.GetExtension(data).ToLowerInvariant();
        switch (ext)
        {
            case ".json":
                return CocoJsonValData.Load(data, imagesFolder);
            case ".yaml" or ".yml":
                if (imagesFolder is not null)
                {
                    throw new InputException($"--images is for a COCO json; the data.yaml {data} names its own val images");
                }

                return DataYamlValData.Load(data);
            default:
                throw new InputException($"data '{data}': unknown type '{ext}' (expected a COCO keypoints .json or an Ultralytics data .yaml)");
        }
    }
}
