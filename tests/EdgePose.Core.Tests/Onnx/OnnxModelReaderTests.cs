using EdgePose.Core.Engines;
using EdgePose.Core.Onnx;
using EdgePose.Core.Onnx.Proto;
using EdgePose.Core.Tests.Models;
using EdgePose.Tests;
using static EdgePose.Core.Tests.Onnx.SyntheticOnnxModels;

namespace EdgePose.Core.Tests.Onnx;

public class OnnxModelReaderTests
{
    [RequiresSharedTheory("models/yolo11n-pose_int8.onnx", "models/yolo11n-pose_int8_floathead.onnx")]
    [InlineData("yolo11n-pose_int8.onnx")]
    [InlineData("yolo11n-pose_int8_floathead.onnx")]
    public void Real_yolo11n_pose_export_gives_its_format_io_and_ultralytics_metadata(string file)
    {
        var path = TestPaths.Shared("models", file);
        using var stream = File.OpenRead(path);

        var info = OnnxModelReader.Read(stream, path);

        Assert.Equal(9, info.IrVersion);
        Assert.Equal(20, info.DefaultOpsetVersion);
        Assert.Equal("onnx.quantize", info.ProducerName);
        Assert.Equal("0.1.0", info.ProducerVersion);
        var input = Assert.Single(info.Inputs);
        Assert.Equal(new TensorInfo("images", TensorElementType.Float32, new TensorShape([1, 3, 640, 640])), input);
        Assert.Null(input.Shape.DimNames);
        var output = Assert.Single(info.Outputs);
        Assert.Equal(new TensorInfo("output0", TensorElementType.Float32, new TensorShape([1, 56, 8400])), output);

        var m = info.Metadata;
        CocoPoseMetadataAssert.FillsEveryField(m);
        Assert.Equal("8.4.75", info.MetadataProps["version"]);
        Assert.Equal("[17, 3]", m.Raw["kpt_shape"]);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8.onnx")]
    public void Metadata_props_keep_the_order_of_the_file()
    {
        var info = OnnxModelReader.Read(File.ReadAllBytes(TestPaths.GenuineInt8Model), "m.onnx");

        Assert.Equal(
            ["onnx.infer", "description", "author", "date", "version", "license", "docs", "stride", "task", "batch", "imgsz", "names", "args", "channels", "end2end", "kpt_shape"],
            info.MetadataProps.Keys);
        Assert.Equal(info.MetadataProps.Keys, info.Metadata.Raw.Keys);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx")]
    public void Reading_from_bytes_and_from_a_stream_agree_and_the_stream_stays_open()
    {
        var bytes = File.ReadAllBytes(TestPaths.FloatHeadModel);
        using var stream = new MemoryStream(bytes);

        var fromStream = OnnxModelReader.Read(stream, "m.onnx");
        var fromBytes = OnnxModelReader.Read(bytes, "m.onnx");

        Assert.True(stream.CanRead);
        Assert.Equal(bytes.Length, stream.Position);
        Assert.Equal(fromBytes.Inputs, fromStream.Inputs);
        Assert.Equal(fromBytes.Outputs, fromStream.Outputs);
        Assert.Equal(fromBytes.MetadataProps, fromStream.MetadataProps);
        Assert.Equal(fromBytes.Opsets, fromStream.Opsets);
    }

    [Fact]
    public void Nodes_of_the_main_graph_are_counted_by_operator_type()
    {
        var info = OnnxModelReader.Read(
            OnnxBytes.Tiny(quantised: true).Node("Relu", ["output0"], ["r2"]).Constant("c", 1f, 2f).ToBytes(), "m.onnx");

        Assert.Equal(1, info.CountOf("QuantizeLinear"));
        Assert.Equal(1, info.CountOf("DequantizeLinear"));
        Assert.Equal(2, info.CountOf("Relu"));
        Assert.Equal(1, info.CountOf("Constant"));
        Assert.Equal(0, info.CountOf("Conv"));
        Assert.Equal(5, info.OperatorCounts.Values.Sum());
    }

    [Fact]
    public void Dynamic_dimensions_are_minus_one_and_keep_their_symbolic_names()
    {
        var model = YoloPose();
        model.Graph.Input[0] = Tensor("images", Float, "batch", 3, "height", "width");
        model.Graph.Output[0] = Tensor("output0", Float, "batch", 56, "anchors");

        var info = OnnxModelReader.Read(Bytes(model), "dyn.onnx");

        var input = info.Inputs[0];
        Assert.Equal([-1, 3, -1, -1], input.Shape.Dims);
        Assert.False(input.Shape.IsFixed);
        Assert.Equal(["batch", null, "height", "width"], input.Shape.DimNames!);
        Assert.Equal([-1, 56, -1], info.Outputs[0].Shape.Dims);
        Assert.Equal(["batch", null, "anchors"], info.Outputs[0].Shape.DimNames!);
    }

    [Fact]
    public void A_dimension_without_value_or_name_is_dynamic_and_unnamed()
    {
        var model = YoloPose();
        model.Graph.Input[0] = Tensor("images", Float, null, 3, 640, 640);

        var input = OnnxModelReader.Read(Bytes(model), "m.onnx").Inputs[0];

        Assert.Equal([-1, 3, 640, 640], input.Shape.Dims);
        Assert.Null(input.Shape.DimNames);
    }

    [Fact]
    public void Initializers_listed_as_graph_inputs_are_not_model_inputs()
    {
        // Exports from before IR 4 list every weight as a graph input too.
        var model = YoloPose();
        model.Graph.Initializer.Add(new TensorProto { Name = "model.0.conv.bias" });
        model.Graph.Input.Insert(0, Tensor("model.0.conv.weight", Float, 16, 3, 3, 3));
        model.Graph.Input.Add(Tensor("model.0.conv.bias", Float, 16));

        var info = OnnxModelReader.Read(Bytes(model), "old.onnx");

        Assert.Equal("images", Assert.Single(info.Inputs).Name);
    }

    [Fact]
    public void Opsets_of_every_domain_are_listed_and_the_default_one_is_found_by_either_name()
    {
        var model = YoloPose();
        model.OpsetImport.Clear();
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "com.microsoft", Version = 1 });
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "ai.onnx", Version = 17 });

        var info = OnnxModelReader.Read(Bytes(model), "m.onnx");

        Assert.Equal([new OnnxOpset("com.microsoft", 1), new OnnxOpset("ai.onnx", 17)], info.Opsets);
        Assert.Equal(17, info.DefaultOpsetVersion);
    }

    [Fact]
    public void End2end_export_metadata_marks_the_model_end_to_end()
    {
        var model = SetMetadata(YoloPose(), ("end2end", "True"));

        Assert.True(OnnxModelReader.Read(Bytes(model), "yolo26n-pose.onnx").Metadata.EndToEnd);
    }

    [Fact]
    public void Multi_class_names_with_quotes_and_escapes_are_read_as_python_wrote_them()
    {
        // What Python's str() writes for {0: 'person', 1: "rider's bike", 2: 'say "hi"', 3: 'back\\slash', 4: 'tab\there', 5: 'café'}.
        var model = SetMetadata(
            YoloPose(),
            ("names", """{0: 'person', 1: "rider's bike", 2: 'say "hi"', 3: 'back\\slash', 4: 'tab\there', 5: 'café'}"""));

        var names = OnnxModelReader.Read(Bytes(model), "m.onnx").Metadata.Names;

        Assert.Equal(["person", "rider's bike", "say \"hi\"", "back\\slash", "tab\there", "café"], names.OrderBy(n => n.Key).Select(n => n.Value));
    }

    [Fact]
    public void A_model_without_ultralytics_metadata_reads_with_empty_metadata()
    {
        var model = YoloPose();
        model.MetadataProps.Clear();

        var info = OnnxModelReader.Read(Bytes(model), "plain.onnx");

        Assert.Empty(info.MetadataProps);
        Assert.Null(info.Metadata.Task);
        Assert.Null(info.Metadata.KeypointCount);
        Assert.Null(info.Metadata.EndToEnd);
        Assert.Empty(info.Metadata.Names);
    }

    [Fact]
    public void Other_element_types_are_reported_as_written()
    {
        var model = YoloPose();
        model.Graph.Input[0] = Tensor("images", (int)TensorElementType.UInt8, 1, 640, 640, 3);
        model.Graph.Output[0] = Tensor("output0", (int)TensorElementType.Float16, 1, 56, 8400);

        var info = OnnxModelReader.Read(Bytes(model), "m.onnx");

        Assert.Equal(TensorElementType.UInt8, info.Inputs[0].ElementType);
        Assert.Equal(TensorElementType.Float16, info.Outputs[0].ElementType);
    }
}
