using EdgePose.Core.Errors;
using EdgePose.Core.Models;

namespace EdgePose.Core.Meta;

/// <summary>
/// The meta information to use with a model: a meta file or data.yaml the user names (it must agree with
/// the model's K), else the keypoint names the model's metadata carries, else the defaults for its K
/// (COCO-17 for 17, generic names and uniform sigmas otherwise).
/// </summary>
public static class ModelKeypointMeta
{
    /// <param name="keypointCount">K of the model's output.</param>
    /// <param name="keypointDims">D of the model's output.</param>
    /// <param name="metadata">The model's metadata.</param>
    /// <param name="metaYaml">Text of a meta file or data.yaml, or null.</param>
    /// <param name="metaSource">Its name, for messages.</param>
    public static KeypointMeta Resolve(int keypointCount, int keypointDims, ModelMetadata metadata, string? metaYaml = null, string metaSource = "meta")
    {
        if (metaYaml is not null)
        {
            var meta = KeypointMetaYaml.Parse(metaYaml, metaSource);
            if (meta.KeypointCount != keypointCount)
            {
                throw new InputException($"{metaSource}: {meta.KeypointCount} keypoints, but the model predicts {keypointCount} (kpt_shape differs)");
            }

            return meta with { Dims = keypointDims };
        }

        var defaults = KeypointMeta.ForKeypointCount(keypointCount, keypointDims);
        if (metadata.KeypointNames is { } names && names.Count == keypointCount && !names.SequenceEqual(defaults.KeypointNames))
        {
            return defaults with { DatasetName = "model", KeypointNames = names };
        }

        return defaults;
    }
}
