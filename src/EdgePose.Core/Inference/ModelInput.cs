using EdgePose.Core.Engines;
using EdgePose.Core.Errors;

namespace EdgePose.Core.Inference;

/// <summary>
/// The image input of a pose model, checked: one float32 tensor [B, 3, H, W] with H and W known and
/// multiples of the model stride; <see cref="MaxBatch"/> is the engine's largest batch.
/// </summary>
public sealed record ModelInput(string Name, int MaxBatch, int Height, int Width)
{
    /// <summary>
    /// The largest input side accepted: a dynamic-input model would otherwise allocate whatever is asked
    /// (4096² is 200 MB of input tensor and about 350 000 anchors; Ultralytics models are trained at 640).
    /// </summary>
    public const int MaxImageSize = 4096;

    /// <summary>Throws <see cref="InputException"/> when a requested input size is not a positive multiple of the stride, or above <see cref="MaxImageSize"/>.</summary>
    public static void CheckImageSize(int? requestedSize, int stride)
    {
        if (requestedSize is int s && (s <= 0 || s % stride != 0))
        {
            throw new InputException($"imgsz {s} is not a positive multiple of the model stride {stride}");
        }

        if (requestedSize > MaxImageSize)
        {
            throw new InputException($"imgsz {requestedSize} is above the largest input size {MaxImageSize}");
        }
    }

    /// <summary>Checks the engine's input against the requested size; errors name the model and the fault.</summary>
    public static ModelInput From(IInferenceEngine engine, int? requestedSize, string source)
    {
        if (engine.Inputs.Count != 1)
        {
            throw new InputException($"{source}: {engine.Inputs.Count} inputs; a pose model has one image input");
        }

        var input = engine.Inputs[0];
        var d = input.Shape.Dims;
        if (input.ElementType != TensorElementType.Float32 || d.Length != 4 || d[1] != 3)
        {
            throw new InputException($"{source}: input '{input.Name}' is {input.ElementType} {input.Shape}; expected float32 [B, 3, H, W]");
        }

        int stride = engine.Metadata.Stride ?? 32;
        CheckImageSize(requestedSize, stride);

        if (d[2] < 0 || d[3] < 0)
        {
            throw new InputException($"{source}: input '{input.Name}' {input.Shape} has dynamic height or width; the engine must be given a fixed input size");
        }

        if (requestedSize is int r && (r != d[2] || r != d[3]))
        {
            throw new InputException($"imgsz {r} does not match the fixed input {d[3]}x{d[2]} of {source}; export or build the model for {r}");
        }

        if (d[2] % stride != 0 || d[3] % stride != 0)
        {
            throw new InputException($"{source}: input size {d[3]}x{d[2]} is not a multiple of the model stride {stride}");
        }

        return new ModelInput(input.Name, engine.MaxBatch, (int)d[2], (int)d[3]);
    }
}
