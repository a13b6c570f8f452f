using Google.Protobuf;
using EdgePose.Train.Onnx.ExportProto;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgePose.Train.Export;

/// <summary>
/// Builds an ONNX graph node by node: unique tensor names, float32 initializers (from TorchSharp tensors or
/// values), int64 constants for shapes, and the operators the YOLO pose modules need. Nodes are added in
/// execution order, so the graph is topologically sorted as ONNX requires.
/// </summary>
public sealed class OnnxGraph
{
    private const int Float32 = 1;
    private const int Int64 = 7;
    private readonly Dictionary<string, int> _used = [];
    private readonly Dictionary<IntPtr, string> _parameterNames = [];

    internal GraphProto Proto { get; } = new() { Name = "main_graph" };

    /// <summary>Names initializers after the model's parameters (model.0.conv.weight, ...), as Ultralytics' export does.</summary>
    public void NameParameters(TorchSharp.torch.nn.Module model)
    {
        foreach (var (name, p) in model.named_parameters())
        {
            _parameterNames[p.Handle] = name;
        }
    }

    /// <summary>The model's name of a parameter, without the ".weight"/".bias" ending; <paramref name="fallback"/> for others.</summary>
    public string PathOf(Tensor? parameter, string fallback)
    {
        if (parameter is not null && _parameterNames.TryGetValue(parameter.Handle, out var name))
        {
            return name[..name.LastIndexOf('.')];
        }

        return fallback;
    }

    /// <summary>A name not used before, from <paramref name="hint"/>.</summary>
    public string Name(string hint)
    {
        int n = _used.TryGetValue(hint, out var c) ? c + 1 : 0;
        _used[hint] = n;
        return n == 0 ? hint : $"{hint}_{n}";
    }

    /// <summary>A float32 initializer holding <paramref name="value"/> (copied to the CPU).</summary>
    public string Weight(string hint, Tensor value)
    {
        using var cpu = value.detach().to(ScalarType.Float32).cpu().contiguous();
        var data = cpu.data<float>().ToArray();
        return Floats(hint, data, cpu.shape);
    }

    public string Floats(string hint, float[] data, long[] dims)
    {
        var name = Name(hint);
        var t = new TensorProto { Name = name, DataType = Float32, RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan())) };
        t.Dims.AddRange(dims);
        Proto.Initializer.Add(t);
        return name;
    }

    public string Longs(string hint, params long[] values)
    {
        var name = Name(hint);
        var t = new TensorProto { Name = name, DataType = Int64, RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan())) };
        t.Dims.Add(values.Length);
        Proto.Initializer.Add(t);
        return name;
    }

    public string Scalar(string hint, float value) => Floats(hint, [value], []);

    /// <summary>Adds a node with one output; returns the output's name.</summary>
    public string Op(string op, string[] inputs, string hint, params AttributeProto[] attributes) => Ops(op, inputs, 1, hint, attributes)[0];

    public string[] Ops(string op, string[] inputs, int outputs, string hint, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = Name(hint + "/" + op) };
        node.Input.AddRange(inputs);
        var names = Enumerable.Range(0, outputs).Select(i => Name($"{hint}/{op}_output_{i}")).ToArray();
        node.Output.AddRange(names);
        node.Attribute.AddRange(attributes);
        Proto.Node.Add(node);
        return names;
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, I = value, Type = AttributeProto.Types.AttributeType.Int };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    public static AttributeProto Text(string name, string value) => new() { Name = name, S = ByteString.CopyFromUtf8(value), Type = AttributeProto.Types.AttributeType.String };

    /// <summary>A 2-D convolution with "same" padding k/2; <paramref name="bias"/> may be null.</summary>
    public Traced Conv(Traced x, Tensor weight, Tensor? bias, long stride, long groups, string hint)
    {
        long c2 = weight.shape[0], k = weight.shape[2], p = k / 2;
        var inputs = bias is null ? new[] { x.Name, Weight(hint + ".weight", weight) } : [x.Name, Weight(hint + ".weight", weight), Weight(hint + ".bias", bias)];
        var y = Op("Conv", inputs, hint, Ints("dilations", 1, 1), Int("group", groups), Ints("kernel_shape", k, k), Ints("pads", p, p, p, p), Ints("strides", stride, stride));
        return new Traced(y, c2, ((x.H + (2 * p) - k) / stride) + 1, ((x.W + (2 * p) - k) / stride) + 1);
    }

    /// <summary>A plain nn.Conv2d (1×1 or "same"-padded, stride 1, as the heads use them).</summary>
    public Traced Conv(Traced x, Conv2d conv, string hint) => Conv(x, conv.weight!, conv.bias, 1, 1, PathOf(conv.weight, hint));

    public Traced Silu(Traced x, string hint) => x with { Name = Op("Mul", [x.Name, Op("Sigmoid", [x.Name], hint)], hint) };

    public Traced Add(Traced a, Traced b, string hint) => a with { Name = Op("Add", [a.Name, b.Name], hint) };

    public Traced Concat(IReadOnlyList<Traced> xs, string hint) =>
        new(Op("Concat", xs.Select(x => x.Name).ToArray(), hint, Int("axis", 1)), xs.Sum(x => x.C), xs[0].H, xs[0].W);

    /// <summary>Splits the channels into parts of the given sizes.</summary>
    public Traced[] Split(Traced x, long[] sizes, string hint)
    {
        var names = Ops("Split", [x.Name, Longs(hint + "/split", sizes)], sizes.Length, hint, Int("axis", 1));
        return names.Select((n, i) => new Traced(n, sizes[i], x.H, x.W)).ToArray();
    }

    public string Reshape(string x, string hint, params long[] shape) => Op("Reshape", [x, Longs(hint + "/shape", shape)], hint);

    /// <summary>Any module of a pose model: an <see cref="IOnnxExportable"/>, a Sequential of them, or a plain Conv2d.</summary>
    public Traced Module(TorchSharp.torch.nn.Module m, Traced x, string hint) => m switch
    {
        IOnnxExportable e => e.Export(this, x),
        Sequential s => s.children().Select((c, i) => (c, i)).Aggregate(x, (t, ci) => Module(ci.c, t, $"{hint}.{ci.i}")),
        Conv2d c => Conv(x, c, hint),
        _ => throw new NotSupportedException($"no ONNX export for module {m.GetName()} at {hint}"),
    };
}
