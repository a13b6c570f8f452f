using EdgePose.Core.Engines;
using EdgePose.Core.Errors;
using EdgePose.Core.Onnx.Proto;

namespace EdgePose.Core.Onnx;

/// <summary>Turns ONNX graph inputs/outputs (ValueInfoProto) into <see cref="TensorInfo"/>.</summary>
internal static class OnnxTensorInfos
{
    /// <param name="role">"input" or "output", for messages.</param>
    public static TensorInfo[] FromValueInfos(IEnumerable<ValueInfoProto> values, string role, string source)
    {
        var result = new List<TensorInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            if (string.IsNullOrEmpty(v.Name))
            {
                throw new FormatException($"{source}: ONNX graph {role} #{result.Count} has no name");
            }

            if (!seen.Add(v.Name))
            {
                throw new FormatException($"{source}: ONNX graph has two {role}s named '{MessageText.Shown(v.Name)}'");
            }

            result.Add(FromValueInfo(v, $"{source}: {role} '{MessageText.Shown(v.Name)}'"));
        }

        return [.. result];
    }

    /// <param name="what">"model.onnx: input 'images'", the start of every message.</param>
    private static TensorInfo FromValueInfo(ValueInfoProto v, string what)
    {
        var type = v.Type;
        switch (type?.ValueCase ?? TypeProto.ValueOneofCase.None)
        {
            case TypeProto.ValueOneofCase.TensorType:
                break;
            case TypeProto.ValueOneofCase.None:
                throw new FormatException($"{what} has no type");
            default:
                throw new InputException($"{what} is a {KindName(type!.ValueCase)} value; only tensors are supported");
        }

        var tensor = type!.TensorType;
        int elem = tensor.ElemType;
        if (elem == 0)
        {
            throw new FormatException($"{what} has no element type");
        }

        if (!Enum.IsDefined((TensorElementType)elem))
        {
            throw new InputException($"{what} has ONNX element type {elem}, which is not supported");
        }

        if (tensor.Shape is null)
        {
            throw new InputException($"{what} has no shape in the model (unknown rank)");
        }

        return new TensorInfo(v.Name, (TensorElementType)elem, ToShape(tensor.Shape));
    }

    /// <summary>Fixed dimensions as written; dim_param and missing values become -1, the symbolic names kept.</summary>
    private static TensorShape ToShape(TensorShapeProto shape)
    {
        var dims = new long[shape.Dim.Count];
        var names = new string?[dims.Length];
        bool anyName = false;
        for (int i = 0; i < dims.Length; i++)
        {
            var d = shape.Dim[i];
            if (d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue && d.DimValue >= 0)
            {
                dims[i] = d.DimValue;
                continue;
            }

            dims[i] = -1;
            if (d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam && d.DimParam.Length > 0)
            {
                names[i] = d.DimParam;
                anyName = true;
            }
        }

        return new TensorShape(dims) { DimNames = anyName ? names : null };
    }

    private static string KindName(TypeProto.ValueOneofCase kind) => kind switch
    {
        TypeProto.ValueOneofCase.SequenceType => "sequence",
        TypeProto.ValueOneofCase.MapType => "map",
        TypeProto.ValueOneofCase.OpaqueType => "opaque",
        TypeProto.ValueOneofCase.SparseTensorType => "sparse tensor",
        TypeProto.ValueOneofCase.OptionalType => "optional",
        _ => kind.ToString(),
    };
}
