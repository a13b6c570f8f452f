using EdgePose.Core.Engines;
using EdgePose.Core.Errors;
using EdgePose.Core.Models;

namespace EdgePose.Core.Decoding;

/// <summary>
/// Chooses the output layout from the output tensor's shape and the model's metadata, never from
/// hard-coded sizes: K and D come from kpt_shape, the class count from names (or from the shape),
/// and end-to-end from the end2end flag (or from a shape that only fits 6 + K·D).
/// </summary>
public static class OutputLayoutResolver
{
    /// <param name="output">The model's detection output.</param>
    /// <param name="metadata">Ultralytics metadata; kpt_shape is required unless <paramref name="keypointShape"/> is given.</param>
    /// <param name="keypointShape">An explicit (K, D) that overrides the metadata.</param>
    /// <param name="source">The model's name for error messages.</param>
    public static OutputLayout Resolve(TensorInfo output, ModelMetadata metadata, (int K, int D)? keypointShape = null, string source = "model")
    {
        var dims = output.Shape.Dims;
        string where = $"{source}: output '{output.Name}' {output.Shape}";
        if (output.ElementType is not (TensorElementType.Float32 or TensorElementType.Undefined))
        {
            throw new InputException($"{where} is {output.ElementType}; pose outputs must be float32");
        }

        if (dims.Length != 3 || dims[1] <= 0 || dims[2] <= 0)
        {
            throw new InputException($"{where} is not a rank-3 [batch, rows, values] tensor with known sizes; unsupported output shape");
        }

        (int k, int d) = keypointShape
            ?? (metadata.KeypointCount is int mk && metadata.KeypointDims is int md ? (mk, md)
                : throw new InputException($"{source}: no kpt_shape in the model metadata; give it with --kpt-shape K,D (17,3 for COCO keypoints)"));
        if (k <= 0 || d is not (2 or 3))
        {
            throw new InputException($"{source}: kpt_shape [{k}, {d}] must have K > 0 and D of 2 or 3");
        }

        int batch = dims[0] > 0 ? (int)dims[0] : 1;
        int a = (int)dims[1];
        int b = (int)dims[2];
        int kd = k * d;
        int? names = metadata.Names.Count > 0 ? metadata.Names.Count : null;

        bool endToEndFits = b == 6 + kd;
        if (metadata.EndToEnd == true)
        {
            return endToEndFits
                ? new OutputLayout(OutputLayoutKind.EndToEnd, batch, a, names ?? 1, k, d)
                : throw new InputException($"{where} does not fit the end-to-end layout [B, M, 6+K·D] = [B, M, {6 + kd}] that the metadata (end2end) announces; unsupported output shape");
        }

        // Raw head: one dimension is 4 + nc + K·D. Prefer channels-first (Ultralytics' export) when both fit.
        int? ncFirst = RawClassCount(a, kd, names);
        int? ncLast = RawClassCount(b, kd, names);
        if (ncFirst is int n1 && (ncLast is null || a <= b))
        {
            return new OutputLayout(OutputLayoutKind.RawChannelsFirst, batch, b, n1, k, d);
        }

        if (ncLast is int n2)
        {
            return new OutputLayout(OutputLayoutKind.RawChannelsLast, batch, a, n2, k, d);
        }

        if (endToEndFits && metadata.EndToEnd is null)
        {
            return new OutputLayout(OutputLayoutKind.EndToEnd, batch, a, names ?? 1, k, d);
        }

        string expectRaw = names is int nc ? $"{4 + nc + kd}" : $"4+nc+{kd}";
        throw new InputException(
            $"{where} fits neither the raw pose layout [B, 4+nc+K·D, N] ({expectRaw} values per anchor for kpt_shape [{k}, {d}]) nor the end-to-end layout [B, M, {6 + kd}]; unsupported output shape");
    }

    private static int? RawClassCount(int values, int kd, int? names)
    {
        int nc = values - 4 - kd;
        if (nc < 1)
        {
            return null;
        }

        return names is null || names == nc ? nc : null;
    }
}
