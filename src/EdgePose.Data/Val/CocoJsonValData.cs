using EdgePose.Core.Coco;
using EdgePose.Core.Datasets.Conversion;
using EdgePose.Core.Errors;
using EdgePose.Core.Evaluation;

namespace EdgePose.Data.Val;

/// <summary>
/// A COCO keypoints json as a validation set. Its images are looked for in the folder named after the split
/// (the file name after its last '_': person_keypoints_val2017.json → val2017) in images/ beside the
/// annotations folder, else beside the annotations folder itself (COCO's own layout), unless a folder is given.
/// Every image the json lists must exist.
/// </summary>
public static class CocoJsonValData
{
    public static ValData Load(string jsonPath, string? imagesFolder)
    {
        var dataset = CocoJson.ParseDataset(File.ReadAllText(jsonPath), jsonPath);
        CocoJson.CheckImageSizes(dataset, jsonPath);
        var keypointCategories = dataset.Categories.Where(c => c.Keypoints is { Length: > 0 }).ToList();
        if (keypointCategories.Count == 0)
        {
            throw new InputException($"{jsonPath}: no category names keypoints (categories: {string.Join(", ", dataset.Categories.Select(c => $"{c.Id} '{c.Name}'"))}); val needs a COCO keypoints json such as person_keypoints_val2017.json");
        }

        var meta = CocoKeypointCategories.MetaOf(dataset, jsonPath, dims: 3);
        var folder = imagesFolder ?? FindImagesFolder(jsonPath);
        if (!Directory.Exists(folder))
        {
            throw new InputException($"images folder not found: {folder}");
        }

        var images = dataset.Images.Select(i => new ValImage(i.Id, Path.Combine(folder, i.FileName))).ToList();
        var missing = images.Where(i => !File.Exists(i.Path)).ToList();
        if (missing.Count > 0)
        {
            throw new InputException($"{jsonPath}: {missing.Count} of {images.Count} images have no file under {folder} (image id {missing[0].ImageId}: {missing[0].Path} not found{(missing.Count > 1 ? ", ..." : "")}); give the images folder with --images");
        }

        return new ValData
        {
            Source = jsonPath,
            Format = "COCO keypoints json",
            GroundTruth = CocoGroundTruth.From(dataset, jsonPath),
            Images = images,
            Meta = meta,
            CategoryOfClass = keypointCategories.Select(c => c.Id).Order().ToArray(),
        };
    }

    /// <summary>The images folder of a COCO json: ../images/&lt;split&gt;, else ../&lt;split&gt; from the json's folder.</summary>
    public static string FindImagesFolder(string jsonPath)
    {
        var stem = Path.GetFileNameWithoutExtension(jsonPath);
        var split = stem[(stem.LastIndexOf('_') + 1)..];
        var annotations = Path.GetDirectoryName(Path.GetFullPath(jsonPath))!;
        var parent = Path.GetDirectoryName(annotations) ?? annotations;
        string[] candidates = [Path.Combine(parent, "images", split), Path.Combine(parent, split)];
        return candidates.FirstOrDefault(Directory.Exists)
            ?? throw new InputException($"{jsonPath}: no images folder for split '{split}' (looked for {string.Join(" and ", candidates)}); give it with --images");
    }
}
