using Google.Protobuf;

namespace EdgePose.Tests;

/// <summary>
/// Writes small ONNX models (protobuf, ONNX's field numbers) for tests: inputs, outputs, nodes by
/// operator type and metadata_props. Enough for EdgePose's ONNX reader and for TensorRT's parser.
/// </summary>
internal sealed class OnnxBytes
{
    public const int Float = 1;

    private readonly List<(string Name, object?[] Dims)> _inputs = [];
    private readonly List<(string Name, object?[] Dims)> _outputs = [];
    private readonly List<(string Op, string[] Inputs, string[] Outputs)> _nodes = [];
    private readonly List<(string Key, string Value)> _metadata = [];

    /// <summary>dims: a long (fixed), a string (named dynamic).</summary>
    public OnnxBytes Input(string name, params object?[] dims)
    {
        _inputs.Add((name, dims));
        return this;
    }

    public OnnxBytes Output(string name, params object?[] dims)
    {
        _outputs.Add((name, dims));
        return this;
    }

    public OnnxBytes Node(string op, string[] inputs, string[] outputs)
    {
        _nodes.Add((op, inputs, outputs));
        return this;
    }

    public OnnxBytes Metadata(string key, string value)
    {
        _metadata.Add((key, value));
        return this;
    }

    /// <summary>images [1,3,64,64] -> Relu -> output0, Ultralytics-like metadata; quantised adds a Q/DQ pair.</summary>
    public static OnnxBytes Tiny(bool quantised = false, object? batch = null)
    {
        var b = new OnnxBytes()
            .Input("images", batch ?? 1L, 3L, 64L, 64L)
            .Output("output0", batch ?? 1L, 3L, 64L, 64L)
            .Metadata("task", "pose")
            .Metadata("imgsz", "[64, 64]");
        if (quantised)
        {
            b.Node("QuantizeLinear", ["images", "scale", "zero"], ["q"]).Node("DequantizeLinear", ["q", "scale", "zero"], ["dq"]).Node("Relu", ["dq"], ["output0"]);
        }
        else
        {
            b.Node("Relu", ["images"], ["output0"]);
        }

        return b;
    }

    public byte[] ToBytes()
    {
        return Message(w =>
        {
            w.WriteTag(1, WireFormat.WireType.Varint);
            w.WriteInt64(9); // ir_version
            Field(w, 8, Message(o => // opset_import
            {
                String(o, 1, "");
                o.WriteTag(2, WireFormat.WireType.Varint);
                o.WriteInt64(17);
            }));
            Field(w, 7, Message(g => // graph
            {
                foreach (var (op, inputs, outputs) in _nodes)
                {
                    Field(g, 1, Message(n =>
                    {
                        foreach (var i in inputs)
                        {
                            String(n, 1, i);
                        }

                        foreach (var o in outputs)
                        {
                            String(n, 2, o);
                        }

                        String(n, 4, op);
                    }));
                }

                String(g, 2, "main_graph");
                foreach (var (name, dims) in _inputs)
                {
                    Field(g, 11, ValueInfo(name, dims));
                }

                foreach (var (name, dims) in _outputs)
                {
                    Field(g, 12, ValueInfo(name, dims));
                }
            }));
            foreach (var (key, value) in _metadata)
            {
                Field(w, 14, Message(e =>
                {
                    String(e, 1, key);
                    String(e, 2, value);
                }));
            }
        });
    }

    private static byte[] ValueInfo(string name, object?[] dims) => Message(v =>
    {
        String(v, 1, name);
        Field(v, 2, Message(t => Field(t, 1, Message(tt => // type.tensor_type
        {
            tt.WriteTag(1, WireFormat.WireType.Varint);
            tt.WriteInt32(Float);
            Field(tt, 2, Message(s =>
            {
                foreach (var d in dims)
                {
                    Field(s, 1, Message(dim =>
                    {
                        if (d is string param)
                        {
                            String(dim, 2, param);
                        }
                        else
                        {
                            dim.WriteTag(1, WireFormat.WireType.Varint);
                            dim.WriteInt64(Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture));
                        }
                    }));
                }
            }));
        }))));
    });

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        using (var w = new CodedOutputStream(stream, leaveOpen: true))
        {
            write(w);
        }

        return stream.ToArray();
    }

    private static void Field(CodedOutputStream w, int field, byte[] message)
    {
        w.WriteTag(field, WireFormat.WireType.LengthDelimited);
        w.WriteBytes(ByteString.CopyFrom(message));
    }

    private static void String(CodedOutputStream w, int field, string value)
    {
        w.WriteTag(field, WireFormat.WireType.LengthDelimited);
        w.WriteString(value);
    }
}
