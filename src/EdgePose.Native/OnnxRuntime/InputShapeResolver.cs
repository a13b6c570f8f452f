using EdgePose.Core.Engines;
using EdgePose.Core.Errors;

namespace EdgePose.Native.OnnxRuntime;

/// <summary>
/// Decides the concrete shape the engine feeds to a model input: the model's own shape when it is fixed,
/// else the user's override, which must agree with every dimension the model does fix.
/// </summary>
internal static class InputShapeResolver
{
    public static TensorShape Resolve(TensorInfo input, TensorShape? requested, string modelPath)
    {
        var declared = input.Shape;
        if (requested is not { } shape)
        {
            return declared.IsFixed
                ? declared
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
}
