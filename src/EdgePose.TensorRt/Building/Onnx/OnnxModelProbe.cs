using System.Text;

namespace EdgePose.TensorRt.Building.Onnx;

/// <summary>
/// What engine building needs to know about an ONNX file before TensorRT sees it: whether it is
/// quantised (QuantizeLinear/DequantizeLinear nodes, the QDQ form TensorRT builds INT8 from without
/// calibration) and its metadata_props (Ultralytics' task, kpt_shape, names, ...) for the sidecar.
/// Reads the protobuf directly: ModelProto.graph (7) -> GraphProto.node (1) -> NodeProto.op_type (4),
/// and ModelProto.metadata_props (14) -> key (1) / value (2).
/// </summary>
public sealed record OnnxModelProbe(int QuantizeNodes, int DequantizeNodes, int NodeCount, IReadOnlyDictionary<string, string> MetadataProps)
{
    /// <summary>True for explicitly quantised (QDQ) models.</summary>
    public bool IsQuantized => QuantizeNodes > 0 || DequantizeNodes > 0;

    /// <summary>Probes <paramref name="path"/>; <see cref="FormatException"/> naming it when it is not an ONNX model.</summary>
    public static OnnxModelProbe Read(string path)
    {
        try
        {
            return Parse(File.ReadAllBytes(path));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path} is not a readable ONNX model ({e.Message})", e);
        }
    }

    public static OnnxModelProbe Parse(ReadOnlySpan<byte> model)
    {
        var reader = new ProtobufWireReader(model);
        var props = new Dictionary<string, string>(StringComparer.Ordinal);
        int quantize = 0, dequantize = 0, nodes = 0;
        var sawGraph = false;
        var sawIrVersion = false;
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1 && wire == ProtobufWireReader.Varint)
            {
                reader.ReadVarint();
                sawIrVersion = true;
            }
            else if (field == 7 && wire == ProtobufWireReader.LengthDelimited)
            {
                CountNodes(reader.ReadLengthDelimited(), ref quantize, ref dequantize, ref nodes);
                sawGraph = true;
            }
            else if (field == 14 && wire == ProtobufWireReader.LengthDelimited)
            {
                var (key, value) = ReadEntry(reader.ReadLengthDelimited());
                props[key] = value;
            }
            else
            {
                reader.Skip(wire);
            }
        }

        if (!sawIrVersion || !sawGraph)
        {
            throw new FormatException(sawIrVersion ? "it has no graph" : "it has no ONNX ir_version");
        }

        return new OnnxModelProbe(quantize, dequantize, nodes, props);
    }

    private static void CountNodes(ReadOnlySpan<byte> graph, ref int quantize, ref int dequantize, ref int nodes)
    {
        var reader = new ProtobufWireReader(graph);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field != 1 || wire != ProtobufWireReader.LengthDelimited)
            {
                reader.Skip(wire);
                continue;
            }

            nodes++;
            var op = OpType(reader.ReadLengthDelimited());
            if (op.SequenceEqual("QuantizeLinear"u8))
            {
                quantize++;
            }
            else if (op.SequenceEqual("DequantizeLinear"u8))
            {
                dequantize++;
            }
        }
    }

    private static ReadOnlySpan<byte> OpType(ReadOnlySpan<byte> node)
    {
        var reader = new ProtobufWireReader(node);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 4 && wire == ProtobufWireReader.LengthDelimited)
            {
                return reader.ReadLengthDelimited();
            }

            reader.Skip(wire);
        }

        return default;
    }

    private static (string Key, string Value) ReadEntry(ReadOnlySpan<byte> entry)
    {
        var reader = new ProtobufWireReader(entry);
        string key = "", value = "";
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (wire == ProtobufWireReader.LengthDelimited && field is 1 or 2)
            {
                var text = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                if (field == 1)
                {
                    key = text;
                }
                else
                {
                    value = text;
                }
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return (key, value);
    }
}
