using EdgePose.Core.Engines;
using Google.Protobuf;

namespace EdgePose.Tests;

/// <summary>
/// Writes small ONNX models (protobuf, ONNX's field numbers) for tests: typed inputs and outputs, nodes by
/// operator type, constants and metadata_props. Enough for EdgePose's ONNX reader, ONNX Runtime and
/// TensorRT's parser.
/// </summary>
internal sealed class OnnxBytes
{
    private readonly List<(string Name, TensorElementType Type, object?[] Dims)> _inputs = [];
    private readonly List<(string Name, TensorElementType Type, object?[] Dims)> _outputs = [];
    private readonly List<(string Op, string[] Inputs, string[] Outputs, byte[]? Attribute)> _nodes = [];
    private readonly List<(string Key, string Value)> _metadata = [];

    /// <summary>A float input; dims: an integer (fixed), a string (named dynamic), null (unnamed dynamic).</summary>
    public OnnxBytes Input(string name, params object?[] dims) => Input(name, TensorElementType.Float32, dims);

    public OnnxBytes Input(string name, TensorElementType type, params object?[] dims)
    {
        _inputs.Add((name, type, dims));
        return this;
    }

    /// <summary>A float output; dims as for <see cref="Input(string, object?[])"/>.</summary>
    public OnnxBytes Output(string name, params object?[] dims) => Output(name, TensorElementType.Float32, dims);

    public OnnxBytes Output(string name, TensorElementType type, params object?[] dims)
    {
        _outputs.Add((name, type, dims));
        return this;
    }

    public OnnxBytes Node(string op, string[] inputs, string[] outputs)
    {
        _nodes.Add((op, inputs, outputs, null));
        return this;
    }

    /// <summary>A Constant node writing a 1-D float tensor to <paramref name="output"/>.</summary>
    public OnnxBytes Constant(string output, params float[] values)
    {
        var data = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, data, 0, data.Length);
        var tensor = Message(t =>
        {
            t.WriteTag(1, WireFormat.WireType.Varint);
            t.WriteInt64(values.Length); // dims
            t.WriteTag(2, WireFormat.WireType.Varint);
            t.WriteInt32((int)TensorElementType.Float32); // data_type
            Field(t, 4, data); // float_data, packed
        });
        var attribute = Message(a =>
        {
            String(a, 1, "value");
            Field(a, 5, tensor); // t
            a.WriteTag(20, WireFormat.WireType.Varint);
            a.WriteInt32(4); // type = TENSOR
        });
        _nodes.Add(("Constant", [], [output], attribute));
        return this;
    }

    public OnnxBytes Metadata(string key, string value)
    {
        _metadata.Add((key, value));
        return this;
    }

    /// <summary>x -> Identity -> y, both of <paramref name="type"/> and <paramref name="dims"/>.</summary>
    public static OnnxBytes Identity(TensorElementType type, params object?[] dims) =>
        new OnnxBytes().Input("x", type, dims).Output("y", type, dims).Node("Identity", ["x"], ["y"]);

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

    /// <summary>Writes the model to <paramref name="file"/> in <paramref name="dir"/>; returns its path.</summary>
    public string Save(string dir, string file)
    {
        var path = Path.Combine(dir, file);
        File.WriteAllBytes(path, ToBytes());
        return path;
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
                foreach (var (op, inputs, outputs, attribute) in _nodes)
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
                        if (attribute is not null)
                        {
                            Field(n, 5, attribute);
                        }
                    }));
                }

                String(g, 2, "main_graph");
                foreach (var (name, type, dims) in _inputs)
                {
                    Field(g, 11, ValueInfo(name, type, dims));
                }

                foreach (var (name, type, dims) in _outputs)
                {
                    Field(g, 12, ValueInfo(name, type, dims));
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

    private static byte[] ValueInfo(string name, TensorElementType type, object?[] dims) => Message(v =>
    {
        String(v, 1, name);
        Field(v, 2, Message(t => Field(t, 1, Message(tt => // type.tensor_type
        {
            tt.WriteTag(1, WireFormat.WireType.Varint);
            tt.WriteInt32((int)type);
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
                        else if (d is not null) // null: a dimension without value or name
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
