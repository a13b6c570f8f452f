using System.Text;
using EdgePose.Core.Errors;
using EdgePose.Core.Onnx;
using EdgePose.Core.Onnx.Proto;
using EdgePose.Tests;
using static EdgePose.Core.Tests.Onnx.SyntheticOnnxModels;

namespace EdgePose.Core.Tests.Onnx;

public class OnnxModelReaderBadInputTests
{
    [Fact]
    public void Empty_file_is_rejected_as_empty_with_the_source_in_the_message()
    {
        var fromStream = Assert.Throws<FormatException>(() => OnnxModelReader.Read(new MemoryStream(), "empty.onnx"));
        var fromBytes = Assert.Throws<FormatException>(() => OnnxModelReader.Read([], "empty.onnx"));

        Assert.Equal("empty.onnx: empty file, not an ONNX model", fromStream.Message);
        Assert.Equal(fromStream.Message, fromBytes.Message);
    }

    [Fact]
    public void Text_file_is_rejected_as_not_onnx()
    {
        var text = Encoding.UTF8.GetBytes("names:\n  0: person\nkpt_shape: [17, 3]\n");

        var e = Assert.Throws<FormatException>(() => OnnxModelReader.Read(new MemoryStream(text), "data.yaml"));

        Assert.StartsWith("data.yaml: not an ONNX model", e.Message);
    }

    [RequiresSharedFact("models/README.md")]
    public void A_real_markdown_file_is_rejected_as_not_onnx()
    {
        var path = TestPaths.Shared("models", "README.md");
        using var stream = File.OpenRead(path);

        var e = Assert.Throws<FormatException>(() => OnnxModelReader.Read(stream, path));

        Assert.StartsWith(path + ": not an ONNX model", e.Message);
    }

    [Fact]
    public void Random_bytes_are_always_rejected_with_a_format_error()
    {
        var rng = new Random(20240601);
        for (int i = 0; i < 2000; i++)
        {
            var bytes = new byte[rng.Next(1, 4096)];
            rng.NextBytes(bytes);

            var e = Assert.Throws<FormatException>(() => OnnxModelReader.Read(bytes, "noise.bin"));

            Assert.StartsWith("noise.bin: ", e.Message);
            Assert.DoesNotContain('\n', e.Message);
        }
    }

    [Fact]
    public void Random_bytes_not_starting_like_onnx_are_called_not_onnx()
    {
        var bytes = new byte[1000];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0xFF;

        var e = Assert.Throws<FormatException>(() => OnnxModelReader.Read(new MemoryStream(bytes), "noise.bin"));

        Assert.StartsWith("noise.bin: not an ONNX model", e.Message);
    }

    [RequiresSharedTheory("models/yolo11n-pose_int8.onnx")]
    [InlineData(100)]
    [InlineData(1_000_000)]
    [InlineData(3_446_000)]
    public void Truncated_real_model_is_rejected_as_truncated(int keptBytes)
    {
        var bytes = File.ReadAllBytes(TestPaths.GenuineInt8Model)[..keptBytes];

        var fromStream = Assert.Throws<FormatException>(() => OnnxModelReader.Read(new MemoryStream(bytes), "cut.onnx"));
        var fromBytes = Assert.Throws<FormatException>(() => OnnxModelReader.Read(bytes, "cut.onnx"));

        Assert.StartsWith("cut.onnx: truncated ONNX model", fromStream.Message);
        Assert.Equal(fromStream.Message, fromBytes.Message);
    }

    [Fact]
    public void Model_without_ir_version_is_not_onnx()
    {
        var model = YoloPose();
        model.IrVersion = 0;

        var e = Assert.Throws<FormatException>(() => OnnxModelReader.Read(Bytes(model), "m.onnx"));

        Assert.Equal("m.onnx: not an ONNX model (no IR version)", e.Message);
    }

    [Fact]
    public void Implausible_ir_version_is_not_onnx()
    {
        var model = YoloPose();
        model.IrVersion = 123456;

        var e = Assert.Throws<FormatException>(() => OnnxModelReader.Read(Bytes(model), "m.onnx"));

        Assert.Equal("m.onnx: not an ONNX model (IR version 123456 is outside 1..100)", e.Message);
    }

    [Fact]
    public void Model_without_graph_is_not_onnx()
    {
        var model = YoloPose();
        model.Graph = null;

        var e = Assert.Throws<FormatException>(() => OnnxModelReader.Read(Bytes(model), "m.onnx"));

        Assert.Equal("m.onnx: not an ONNX model (no graph)", e.Message);
    }

    [Fact]
    public void Graph_without_inputs_is_rejected()
    {
        var model = YoloPose();
        model.Graph.Input.Clear();

        var e = Assert.Throws<FormatException>(() => OnnxModelReader.Read(Bytes(model), "m.onnx"));

        Assert.Equal("m.onnx: not a usable ONNX model (the graph has no inputs)", e.Message);
    }

    [Fact]
    public void Graph_whose_only_inputs_are_initializers_is_rejected()
    {
        var model = YoloPose();
        model.Graph.Input[0] = Tensor("model.0.conv.weight", Float, 16, 3, 3, 3);

        var e = Assert.Throws<FormatException>(() => OnnxModelReader.Read(Bytes(model), "m.onnx"));

        Assert.Equal("m.onnx: not a usable ONNX model (every graph input is an initializer)", e.Message);
    }

    [Fact]
    public void Graph_without_outputs_is_rejected()
    {
        var model = YoloPose();
        model.Graph.Output.Clear();

        var e = Assert.Throws<FormatException>(() => OnnxModelReader.Read(Bytes(model), "m.onnx"));

        Assert.Equal("m.onnx: not a usable ONNX model (the graph has no outputs)", e.Message);
    }

    [Fact]
    public void Input_without_name_is_rejected()
    {
        var model = YoloPose();
        model.Graph.Input[0].Name = "";

        var e = Assert.Throws<FormatException>(() => OnnxModelReader.Read(Bytes(model), "m.onnx"));

        Assert.Equal("m.onnx: ONNX graph input #0 has no name", e.Message);
    }

    [Fact]
    public void Two_outputs_with_one_name_are_rejected()
    {
        var model = YoloPose();
        model.Graph.Output.Add(Tensor("output0", Float, 1));

        var e = Assert.Throws<FormatException>(() => OnnxModelReader.Read(Bytes(model), "m.onnx"));

        Assert.Equal("m.onnx: ONNX graph has two outputs named 'output0'", e.Message);
    }

    [Fact]
    public void Input_without_type_is_rejected()
    {
        var model = YoloPose();
        model.Graph.Input[0].Type = null;

        var e = Assert.Throws<FormatException>(() => OnnxModelReader.Read(Bytes(model), "m.onnx"));

        Assert.Equal("m.onnx: input 'images' has no type", e.Message);
    }

    [Fact]
    public void Sequence_output_is_rejected_as_unsupported()
    {
        var model = YoloPose();
        model.Graph.Output[0].Type = new TypeProto { SequenceType = new TypeProto.Types.NotRead() };

        var e = Assert.Throws<InputException>(() => OnnxModelReader.Read(Bytes(model), "m.onnx"));

        Assert.Equal("m.onnx: output 'output0' is a sequence value; only tensors are supported", e.Message);
    }

    [Fact]
    public void Tensor_without_element_type_is_rejected()
    {
        var model = YoloPose();
        model.Graph.Input[0].Type.TensorType.ElemType = 0;

        var e = Assert.Throws<FormatException>(() => OnnxModelReader.Read(Bytes(model), "m.onnx"));

        Assert.Equal("m.onnx: input 'images' has no element type", e.Message);
    }

    [Fact]
    public void Element_type_outside_the_supported_set_is_rejected_with_its_number()
    {
        var model = YoloPose();
        model.Graph.Output[0].Type.TensorType.ElemType = 17; // FLOAT8E4M3FN

        var e = Assert.Throws<InputException>(() => OnnxModelReader.Read(Bytes(model), "m.onnx"));

        Assert.Equal("m.onnx: output 'output0' has ONNX element type 17, which is not supported", e.Message);
    }

    [Fact]
    public void Tensor_of_unknown_rank_is_rejected()
    {
        var model = YoloPose();
        model.Graph.Output[0].Type.TensorType.Shape = null;

        var e = Assert.Throws<InputException>(() => OnnxModelReader.Read(Bytes(model), "m.onnx"));

        Assert.Equal("m.onnx: output 'output0' has no shape in the model (unknown rank)", e.Message);
    }

    [Fact]
    public void Repeated_metadata_key_is_rejected()
    {
        var model = YoloPose();
        model.MetadataProps.Add(new StringStringEntryProto { Key = "task", Value = "detect" });

        var e = Assert.Throws<FormatException>(() => OnnxModelReader.Read(Bytes(model), "m.onnx"));

        Assert.Equal("m.onnx: ONNX metadata_props has the key 'task' twice", e.Message);
    }

    [Theory]
    [InlineData("kpt_shape", "[17]", "m.onnx: metadata 'kpt_shape' = '[17]' is not [K, D] (K keypoints, D = 2 or 3 values each)")]
    [InlineData("kpt_shape", "[17, 3", "m.onnx: metadata 'kpt_shape' = '[17, 3' is not a Python literal (unexpected end of text, expected ',' or ']' at position 6)")]
    [InlineData("names", "{0: person}", "m.onnx: metadata 'names' = '{0: person}' is not a Python literal (unexpected name 'person' (only True, False and None are literals) at position 4)")]
    [InlineData("names", "{1: 'person'}", "m.onnx: metadata 'names' = '{1: 'person'}' has class indices that are not 0..0")]
    [InlineData("imgsz", "[640, 0]", "m.onnx: metadata 'imgsz' = '[640, 0]' is not [height, width] or a single size")]
    [InlineData("imgsz", "640x640", "m.onnx: metadata 'imgsz' = '640x640' is not a Python literal (malformed number at position 0)")]
    public void Malformed_ultralytics_metadata_in_a_model_names_the_file_and_key(string key, string value, string message)
    {
        var model = SetMetadata(YoloPose(), (key, value));

        var e = Assert.Throws<FormatException>(() => OnnxModelReader.Read(Bytes(model), "m.onnx"));

        Assert.Equal(message, e.Message);
    }
}
