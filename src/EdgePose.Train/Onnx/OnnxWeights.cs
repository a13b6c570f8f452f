using System.Runtime.InteropServices;
using EdgePose.Train.Onnx.Proto;
using Google.Protobuf;

namespace EdgePose.Train.Onnx;

/// <summary>A float weight: its shape and values in row-major order.</summary>
public sealed record OnnxWeight(long[] Shape, float[] Values);

/// <summary>
/// The float weights of an ONNX model by name: float initializers as they are, and every weight behind a
/// DequantizeLinear (QDQ INT8 models) dequantised, w = (q − zero_point) · scale, per tensor or per channel
/// along the node's axis. A dequantised weight takes the name of its quantised initializer without the
/// "_quantized" suffix (Ultralytics/onnxruntime naming: model.0.conv.weight_quantized → model.0.conv.weight).
/// </summary>
public static class OnnxWeights
{
    private const int Float = 1, UInt8 = 2, Int8 = 3, Int32 = 6, Int64 = 7;

    public static IReadOnlyDictionary<string, OnnxWeight> Read(ReadOnlySpan<byte> bytes, string source)
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.WithDiscardUnknownFields(true).ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            throw new FormatException($"{source}: not an ONNX model");
        }

        var graph = model.Graph ?? throw new FormatException($"{source}: not an ONNX model (no graph)");
        var init = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var weights = new Dictionary<string, OnnxWeight>(StringComparer.Ordinal);
        foreach (var t in graph.Initializer.Where(t => t.DataType == Float))
        {
            weights[t.Name] = new OnnxWeight(t.Dims.ToArray(), Values(t, source));
        }

        foreach (var node in graph.Node.Where(n => n.OpType == "DequantizeLinear"))
        {
            if (node.Input.Count < 2 || !init.TryGetValue(node.Input[0], out var q) || !init.TryGetValue(node.Input[1], out var s))
            {
                continue; // an activation's fake quantisation, not a weight
            }

            var scale = Values(s, source);
            var zero = node.Input.Count > 2 && init.TryGetValue(node.Input[2], out var z) ? Values(z, source) : [0f];
            var axis = node.Attribute.FirstOrDefault(a => a.Name == "axis")?.I ?? 1;
            var name = q.Name.EndsWith("_quantized", StringComparison.Ordinal) ? q.Name[..^"_quantized".Length] : node.Output[0];
            weights[name] = new OnnxWeight(q.Dims.ToArray(), Dequantize(Values(q, source), q.Dims.ToArray(), scale, zero, axis));
        }

        return weights;
    }

    /// <summary>(q − zero_point) · scale; scale and zero point hold one value, or one per index along axis.</summary>
    public static float[] Dequantize(float[] q, long[] shape, float[] scale, float[] zero, long axis)
    {
        if (axis < 0)
        {
            axis += shape.Length;
        }

        long inner = 1;
        for (var d = (int)axis + 1; d < shape.Length; d++)
        {
            inner *= shape[d];
        }

        var channels = scale.Length;
        var w = new float[q.Length];
        for (long i = 0; i < q.Length; i++)
        {
            var c = channels == 1 ? 0 : (int)(i / inner % channels);
            w[i] = (q[i] - zero[zero.Length == 1 ? 0 : c]) * scale[c];
        }

        return w;
    }

    private static float[] Values(TensorProto t, string source)
    {
        var raw = t.RawData.Span;
        return t.DataType switch
        {
            Float => raw.Length > 0 ? MemoryMarshal.Cast<byte, float>(raw).ToArray() : t.FloatData.ToArray(),
            Int8 => raw.Length > 0 ? MemoryMarshal.Cast<byte, sbyte>(raw).ToArray().Select(v => (float)v).ToArray() : t.Int32Data.Select(v => (float)v).ToArray(),
            UInt8 => raw.Length > 0 ? raw.ToArray().Select(v => (float)v).ToArray() : t.Int32Data.Select(v => (float)v).ToArray(),
            Int32 => raw.Length > 0 ? MemoryMarshal.Cast<byte, int>(raw).ToArray().Select(v => (float)v).ToArray() : t.Int32Data.Select(v => (float)v).ToArray(),
            Int64 => raw.Length > 0 ? MemoryMarshal.Cast<byte, long>(raw).ToArray().Select(v => (float)v).ToArray() : t.Int64Data.Select(v => (float)v).ToArray(),
            _ => throw new FormatException($"{source}: initializer '{t.Name}' has ONNX data type {t.DataType}, which the importer does not read"),
        };
    }
}
