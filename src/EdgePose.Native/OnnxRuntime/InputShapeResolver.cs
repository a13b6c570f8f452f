using EdgePose.Core.Engines;
using EdgePose.Core.Errors;

namespace EdgePose.Native.OnnxRuntime;

/// <summary>
/// Decides the concrete full-batch shape the engine feeds to a model input: the model's own shape with a dynamic
/// batch dimension set to the largest batch, else the user's override, which must agree with every dimension the
/// model does fix.
/// </summary>
internal static class InputShapeResolver
{
    public static TensorShape Resolve(TensorInfo input, TensorShape? requested, int maxBatch, string modelPath)
    {
        var declared = input.Shape;
        if (requested is not { } shape)
        {
            var filled = (long[])declared.Dims.Clone();
            if (filled.Length > 0 && filled[0] < 0)
            {
                filled[0] = maxBatch;
            }

            var candidate = new TensorShape(filled);
            return candidate.IsFixed
                ? candidate
                : throw new InputException(
                    $"model {modelPath} input '{input.Name}' has dynamic shape {declared}; give a concrete input shape (e.g. 1,3,640,640)");
        }

        var agrees = shape.Rank == declared.Rank;
        for (var i = 0; agrees && i < declared.Rank; i++)
        {
            agrees = declared[i] < 0 || declared[i] == shape[i];
        }

        return agrees
            ? shape
            : throw new InputException(
                $"input shape {shape} contradicts model {modelPath} input '{input.Name}' of shape {declared}");
    }

    /// <summary>
    /// The full-batch shape of an output: fixed dimensions as declared, the batch dimension (0) as the input's when
    /// both are dynamic, a named dynamic dimension as the input's dimension of that name; -1 where none of these tells.
    /// </summary>
    public static TensorShape ResolveOutput(TensorInfo output, TensorInfo declaredInput, TensorShape input)
    {
        var dims = (long[])output.Shape.Dims.Clone();
        for (var i = 0; i < dims.Length; i++)
        {
            if (dims[i] >= 0)
            {
                continue;
            }

            var name = output.Shape.DimNames?[i];
            var inputAxis = name is null ? -1 : declaredInput.Shape.DimNames?.ToList().IndexOf(name) ?? -1;
            if (inputAxis >= 0 && declaredInput.Shape[inputAxis] < 0)
            {
                dims[i] = input[inputAxis];
            }
            else if (i == 0 && declaredInput.Shape.Rank > 0 && declaredInput.Shape[0] < 0 && name is null)
            {
                dims[i] = input[0];
            }
        }

        return new TensorShape(dims) { DimNames = output.Shape.DimNames };
    }
}
