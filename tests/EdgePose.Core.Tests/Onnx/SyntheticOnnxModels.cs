using EdgePose.Core.Onnx.Proto;
using Google.Protobuf;

namespace EdgePose.Core.Tests.Onnx;

/// <summary>Small ONNX models built with the generated message classes, shaped like Ultralytics pose exports.</summary>
internal static class SyntheticOnnxModels
{
    public const int Float = 1;

    /// <summary>IR 9, opset 20, images [1,3,640,640] → output0 [1,56,8400], the metadata keys Ultralytics writes.</summary>
    public static ModelProto YoloPose()
    {
        var model = new ModelProto
        {
            IrVersion = 9,
            ProducerName = "pytorch",
            ProducerVersion = "2.5.1",
            Graph = new GraphProto
            {
                Name = "main_graph",
                Input = { Tensor("images", Float, 1, 3, 640, 640) },
                Output = { Tensor("output0", Float, 1, 56, 8400) },
                Initializer = { new TensorProto { Name = "model.0.conv.weight" } },
            },
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 20 });
        SetMetadata(
            model,
            ("description", "Ultralytics YOLO11n-pose model trained on coco-pose.yaml"),
            ("author", "Ultralytics"),
            ("stride", "32"),
            ("task", "pose"),
            ("batch", "1"),
            ("imgsz", "[640, 640]"),
            ("names", "{0: 'person'}"),
            ("args", "{'batch': 1, 'half': False, 'int8': False, 'dynamic': False, 'nms': False}"),
            ("channels", "3"),
            ("end2end", "False"),
            ("kpt_shape", "[17, 3]"));
        return model;
    }

    /// <summary>A tensor value; each dim is a long (fixed), a string (symbolic) or null (unknown, unnamed).</summary>
    public static ValueInfoProto Tensor(string name, int elemType, params object?[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
        {
            var dim = new TensorShapeProto.Types.Dimension();
            switch (d)
            {
                case string param:
                    dim.DimParam = param;
                    break;
                case null:
                    break;
                default:
                    dim.DimValue = Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture);
                    break;
            }

            shape.Dim.Add(dim);
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = elemType, Shape = shape } },
        };
    }

    /// <summary>Sets (or adds, at the end) metadata_props entries, keeping the order of the others.</summary>
    public static ModelProto SetMetadata(ModelProto model, params (string Key, string Value)[] entries)
    {
        foreach (var (key, value) in entries)
        {
            var existing = model.MetadataProps.FirstOrDefault(e => e.Key == key);
            if (existing is not null)
            {
                existing.Value = value;
            }
            else
            {
                model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
            }
        }

        return model;
    }

    public static ModelProto RemoveMetadata(ModelProto model, string key)
    {
        var existing = model.MetadataProps.First(e => e.Key == key);
        model.MetadataProps.Remove(existing);
        return model;
    }

    public static byte[] Bytes(ModelProto model) => model.ToByteArray();
}
