using EdgePose.Core.Engines;

namespace EdgePose.Native.Tests.OnnxRuntime;

/// <summary>
/// Writes tiny ONNX models (IR 8, opset 17) for the cases the shared models do not cover: wrong input type,
/// no input, two inputs, dynamic shapes, metadata. Field numbers follow onnx.proto.
/// </summary>
internal static class TinyOnnxModels
{
    /// <summary>A dimension of <see cref="Tensor"/>: a number, or a symbolic name for a dynamic one.</summary>
    public readonly record struct Dim(long Value, string? Name = null)
    {
        public static implicit operator Dim(long value) => new(value);

        public static implicit operator Dim(string name) => new(-1, name);
    }

    public static string Identity(string dir, string file, TensorElementType type, params Dim[] shape) =>
        Save(dir, file, Model(
            Graph(
                [Node("Identity", ["x"], ["y"])],
                inputs: [Tensor("x", type, shape)],
                outputs: [Tensor("y", type, shape)])));

    public static string Add(string dir, string file) =>
        Save(dir, file, Model(
            Graph(
                [Node("Add", ["a", "b"], ["y"])],
                inputs: [Tensor("a", TensorElementType.Float32, 1, 4), Tensor("b", TensorElementType.Float32, 1, 4)],
                outputs: [Tensor("y", TensorElementType.Float32, 1, 4)])));

    public static string ConstantOnly(string dir, string file)
    {
        var value = new ProtobufWriter()
            .Varint(1, 2) // dims
            .Varint(2, (long)TensorElementType.Float32)
            .PackedFloats(4, 1f, 2f)
            .String(8, "value");
        var attribute = new ProtobufWriter().String(1, "value").Message(5, value).Varint(20, 4); // AttributeProto.TENSOR
        var node = Node("Constant", [], ["y"]).Message(5, attribute);
        return Save(dir, file, Model(Graph([node], inputs: [], outputs: [Tensor("y", TensorElementType.Float32, 2)])));
    }

    /// <summary>Identity float32 [1,3,4,4] with the given metadata_props.</summary>
    public static string WithMetadata(string dir, string file, IReadOnlyDictionary<string, string> props)
    {
        var model = Model(Graph(
            [Node("Identity", ["x"], ["y"])],
            inputs: [Tensor("x", TensorElementType.Float32, 1, 3, 4, 4)],
            outputs: [Tensor("y", TensorElementType.Float32, 1, 3, 4, 4)]));
        foreach (var (key, value) in props)
        {
            model.Message(14, new ProtobufWriter().String(1, key).String(2, value));
        }

        return Save(dir, file, model);
    }

    private static ProtobufWriter Model(ProtobufWriter graph) =>
        new ProtobufWriter()
            .Varint(1, 8) // ir_version
            .String(2, "edgepose-tests")
            .Message(7, graph)
            .Message(8, new ProtobufWriter().String(1, "").Varint(2, 17));

    private static ProtobufWriter Graph(ProtobufWriter[] nodes, ProtobufWriter[] inputs, ProtobufWriter[] outputs)
    {
        var g = new ProtobufWriter();
        foreach (var n in nodes)
        {
            g.Message(1, n);
        }

        g.String(2, "tiny");
        foreach (var i in inputs)
        {
            g.Message(11, i);
        }

        foreach (var o in outputs)
        {
            g.Message(12, o);
        }

        return g;
    }

    private static ProtobufWriter Node(string op, string[] inputs, string[] outputs)
    {
        var n = new ProtobufWriter();
        foreach (var i in inputs)
        {
            n.String(1, i);
        }

        foreach (var o in outputs)
        {
            n.String(2, o);
        }

        return n.String(3, op.ToLowerInvariant()).String(4, op);
    }

    private static ProtobufWriter Tensor(string name, TensorElementType type, params Dim[] shape)
    {
        var s = new ProtobufWriter();
        foreach (var d in shape)
        {
            s.Message(1, d.Name is { } param ? new ProtobufWriter().String(2, param) : new ProtobufWriter().Varint(1, d.Value));
        }

        var tensorType = new ProtobufWriter().Varint(1, (long)type).Message(2, s);
        return new ProtobufWriter().String(1, name).Message(2, new ProtobufWriter().Message(1, tensorType));
    }

    private static string Save(string dir, string file, ProtobufWriter model)
    {
        var path = Path.Combine(dir, file);
        File.WriteAllBytes(path, model.ToArray());
        return path;
    }
}
