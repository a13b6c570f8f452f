namespace EdgePose.TensorRt.Building.Onnx;

/// <summary>
/// Counts the QuantizeLinear and DequantizeLinear nodes of an ONNX model's main graph straight from its
/// protobuf: ModelProto.graph (7) -> GraphProto.node (1) -> NodeProto.op_type (4). (EdgePose.Core's ONNX
/// reader skips nodes; this is the one question about them that engine building asks.)
/// </summary>
public static class OnnxQdqCounter
{
    private const int ModelGraph = 7;
    private const int GraphNode = 1;
    private const int NodeOpType = 4;

    /// <summary>(QuantizeLinear, DequantizeLinear) counts; <see cref="FormatException"/> naming <paramref name="source"/> for broken protobuf.</summary>
    public static (int Quantize, int Dequantize) Count(ReadOnlySpan<byte> model, string source)
    {
        int quantize = 0, dequantize = 0;
        try
        {
            var reader = new ProtobufWireReader(model);
            while (!reader.AtEnd)
            {
                var (field, wire) = reader.ReadTag();
                if (field == ModelGraph && wire == ProtobufWireReader.LengthDelimited)
                {
                    CountNodes(reader.ReadLengthDelimited(), ref quantize, ref dequantize);
                }
                else
                {
                    reader.Skip(wire);
                }
            }
        }
        catch (FormatException e)
        {
            throw new FormatException($"{source}: not a readable ONNX model ({e.Message})", e);
        }

        return (quantize, dequantize);
    }

    private static void CountNodes(ReadOnlySpan<byte> graph, ref int quantize, ref int dequantize)
    {
        var reader = new ProtobufWireReader(graph);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field != GraphNode || wire != ProtobufWireReader.LengthDelimited)
            {
                reader.Skip(wire);
                continue;
            }

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
            if (field == NodeOpType && wire == ProtobufWireReader.LengthDelimited)
            {
                return reader.ReadLengthDelimited();
            }

            reader.Skip(wire);
        }

        return default;
    }
}
