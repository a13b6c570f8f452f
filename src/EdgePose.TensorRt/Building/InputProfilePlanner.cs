using EdgePose.Core.Engines;
using EdgePose.Core.Errors;
using EdgePose.Core.Onnx;

namespace EdgePose.TensorRt.Building;

/// <summary>
/// The optimisation profile for an ONNX model's dynamic inputs. A dynamic batch becomes 1..batch, tuned
/// for batch (the pipeline runs full batches). A dynamic height or width (Ultralytics' dynamic=True
/// exports make all three dynamic) is fixed at the model's imgsz from its metadata: the pipeline feeds
/// one letterboxed size, and a fixed size lets TensorRT pick the fastest kernels for it.
/// </summary>
public static class InputProfilePlanner
{
    /// <summary>Profiles for the dynamic inputs of <paramref name="model"/> (empty when every input is fixed).</summary>
    public static IReadOnlyList<InputProfile> Plan(OnnxModelInfo model, int batch, string source)
    {
        var profiles = new List<InputProfile>();
        foreach (var input in model.Inputs)
        {
            var dims = input.Shape.Dims;
            if (batch > 1 && dims.Length > 0 && dims[0] >= 0 && dims[0] != batch)
            {
                throw new InputException($"{source} has the fixed input '{input.Name}' {input.Shape}, so --batch {batch} cannot apply: export it with dynamic=True (or batch={batch})");
            }

            if (input.Shape.IsFixed)
            {
                continue;
            }

            var min = (long[])dims.Clone();
            var opt = (long[])dims.Clone();
            var max = (long[])dims.Clone();
            for (var i = 0; i < dims.Length; i++)
            {
                if (dims[i] >= 0)
                {
                    continue;
                }

                var size = i == 0 ? batch : SpatialSize(model, input, i, source);
                (min[i], opt[i], max[i]) = i == 0 ? (1, size, size) : (size, size, size);
            }

            profiles.Add(new InputProfile(input.Name, min, opt, max));
        }

        return profiles;
    }

    private static long SpatialSize(OnnxModelInfo model, TensorInfo input, int axis, string source)
    {
        var rank = input.Shape.Rank;
        if (rank == 4 && model.Metadata.ImageSize is { } size && axis is 2 or 3)
        {
            return axis == 2 ? size.Height : size.Width;
        }

        throw new InputException($"{source} input '{input.Name}' {input.Shape} has dynamic dimension {axis} and no imgsz in its metadata to fix it: export the ONNX with a fixed imgsz");
    }
}
