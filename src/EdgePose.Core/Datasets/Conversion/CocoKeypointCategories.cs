using EdgePose.Core.Coco;
using EdgePose.Core.Meta;

namespace EdgePose.Core.Datasets.Conversion;

/// <summary>
/// Between COCO keypoint categories and <see cref="KeypointMeta"/>: a category names its keypoints and a
/// 1-based skeleton; the meta adds flip pairs, sigmas and colours (and numbers links from 0).
/// </summary>
public static class CocoKeypointCategories
{
    public static CocoCategory Category(int id, string name, KeypointMeta meta) => new()
    {
        Id = id,
        Name = name,
        Supercategory = name,
        Keypoints = meta.KeypointNames.ToArray(),
        Skeleton = meta.Skeleton.Select(l => new[] { l.From + 1, l.To + 1 }).ToArray(),
    };

    /// <summary>
    /// The meta of a COCO file's keypoint categories (all must name the same keypoints, as YOLO-pose has one
    /// layout). With <paramref name="given"/> its K must match and it wins. Otherwise: COCO-17 facts when the
    /// names are COCO's, else the file's names and skeleton, flip pairs from left/right in the names,
    /// uniform sigmas 1/K.
    /// </summary>
    public static KeypointMeta MetaOf(CocoDataset d, string source, int dims, KeypointMeta? given = null)
    {
        var withKeypoints = d.Categories.Where(c => c.Keypoints is { Length: > 0 }).OrderBy(c => c.Id).ToList();
        if (withKeypoints.Count == 0)
        {
            return given is not null
                ? given with { Dims = dims }
                : throw new FormatException($"{source}: no category names keypoints, so K is unknown; give a meta file");
        }

        var names = withKeypoints[0].Keypoints!;
        foreach (var c in withKeypoints.Skip(1))
        {
            if (!c.Keypoints!.SequenceEqual(names, StringComparer.Ordinal))
            {
                throw new FormatException($"{source}: categories {withKeypoints[0].Id} and {c.Id} name different keypoints; YOLO-pose needs one keypoint layout");
            }
        }

        if (given is not null)
        {
            return given.KeypointCount == names.Length
                ? given with { Dims = dims }
                : throw new FormatException($"{source}: categories name {names.Length} keypoints but the meta has {given.KeypointCount}");
        }

        if (names.SequenceEqual(KeypointMeta.Coco17.KeypointNames, StringComparer.Ordinal))
        {
            return KeypointMeta.Coco17 with { Dims = dims };
        }

        int k = names.Length;
        var meta = KeypointMeta.ForKeypointCount(k, dims) with
        {
            DatasetName = withKeypoints[0].Name,
            KeypointNames = names,
            FlipIndex = KeypointNameSides.InferFlipIndex(names),
            Skeleton = (withKeypoints[0].Skeleton ?? []).Select(p => new SkeletonLink(p[0] - 1, p[1] - 1, KeypointMeta.DefaultColor)).ToArray(),
        };
        return meta.Validated(source);
    }
}
