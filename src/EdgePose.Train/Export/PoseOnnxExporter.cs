using EdgePose.Train.Models;
using EdgePose.Train.Onnx.ExportProto;
using Google.Protobuf;

namespace EdgePose.Train.Export;

/// <summary>
/// Writes a pose model as ONNX in Ultralytics' layout: input "images" [B, 3, imgsz, imgsz] (B fixed, or the
/// symbolic "batch" when dynamic), output "output0" [B, 4 + nc + K·dims, anchors], opset 17, BatchNorm folded
/// into the convs, initializers named after the model's parameters, and Ultralytics' metadata_props. The file is
/// written whole to a temporary name and then moved into place.
/// </summary>
public static class PoseOnnxExporter
{
    public const int Opset = 17;

    public static void Export(PoseModel model, string path, IReadOnlyList<string> names, int imgsz, int batch = 1, bool dynamic = false, string? trainedOn = null)
    {
        if (imgsz % 32 != 0 || imgsz < 32)
        {
            throw new Core.Errors.InputException($"imgsz {imgsz} must be a positive multiple of 32 (the largest stride)");
        }

        var g = new OnnxGraph();
        g.NameParameters(model);
        var input = new Traced("images", 3, imgsz, imgsz);
        var output = model.Export(g, input);
        long anchors = model.Head.Strides.Sum(s => (imgsz / (long)s) * (imgsz / (long)s));
        var last = g.Proto.Node[^1];
        last.Output[0] = "output0";
        _ = output;
        g.Proto.Input.Add(Value("images", batch, dynamic, 3, imgsz, imgsz));
        g.Proto.Output.Add(Value("output0", batch, dynamic, 4 + model.Classes + (model.KptShape[0] * model.KptShape[1]), anchors));

        var proto = new ModelProto { IrVersion = 8, ProducerName = "edgepose-train", ProducerVersion = typeof(PoseOnnxExporter).Assembly.GetName().Version?.ToString(3) ?? "0", Graph = g.Proto };
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        foreach (var (key, value) in UltralyticsMetadata.For(model, names, imgsz, batch, dynamic, trainedOn))
        {
            proto.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        var temp = path + ".tmp";
        using (var f = File.Create(temp))
        {
            proto.WriteTo(f);
        }

        File.Move(temp, path, overwrite: true);
    }

    private static ValueInfoProto Value(string name, int batch, bool dynamic, params long[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(dynamic ? new TensorShapeProto.Types.Dimension { DimParam = "batch" } : new TensorShapeProto.Types.Dimension { DimValue = batch });
        foreach (var d in dims)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1, Shape = shape } } };
    }
}
