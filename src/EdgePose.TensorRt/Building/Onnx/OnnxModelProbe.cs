using EdgePose.Core.Onnx;

namespace EdgePose.TensorRt.Building.Onnx;

/// <summary>
/// What engine building needs to know about an ONNX file before TensorRT sees it: its inputs and
/// metadata (from EdgePose.Core's <see cref="OnnxModelReader"/>) and whether it is quantised
/// (QuantizeLinear/DequantizeLinear nodes: the QDQ form TensorRT builds INT8 from without calibration).
/// </summary>
public sealed record OnnxModelProbe(OnnxModelInfo Info, int QuantizeNodes, int DequantizeNodes)
{
    /// <summary>True for explicitly quantised (QDQ) models.</summary>
    public bool IsQuantized => QuantizeNodes > 0 || DequantizeNodes > 0;

    /// <summary>
    /// Probes <paramref name="path"/>. <see cref="FormatException"/> naming it when it is not an ONNX model;
    /// <see cref="Core.Errors.InputException"/> for an ONNX model EdgePose cannot describe.
    /// </summary>
    public static OnnxModelProbe Read(string path)
    {
        using var file = File.OpenRead(path);
        var info = OnnxModelReader.Read(file, path);
        return new OnnxModelProbe(info, info.CountOf("QuantizeLinear"), info.CountOf("DequantizeLinear"));
    }
}
