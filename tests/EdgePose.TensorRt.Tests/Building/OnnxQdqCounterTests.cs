using EdgePose.TensorRt.Building.Onnx;
using EdgePose.TensorRt.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.TensorRt.Tests.Building;

public class OnnxQdqCounterTests
{
    [RequiresSharedFact("models/yolo11n-pose_int8.onnx")]
    public void Genuine_int8_export_has_its_documented_quantize_and_dequantize_nodes()
    {
        var (q, dq) = OnnxQdqCounter.Count(File.ReadAllBytes(TestPaths.GenuineInt8Model), "m");

        Assert.Equal(366, q);
        Assert.Equal(565, dq);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx")]
    public void Float_head_copy_has_four_pairs_fewer()
    {
        var (q, dq) = OnnxQdqCounter.Count(File.ReadAllBytes(TestPaths.FloatHeadModel), "m");

        Assert.Equal(362, q);
        Assert.Equal(561, dq);
    }

    [Fact]
    public void Float_model_has_none()
    {
        Assert.Equal((0, 0), OnnxQdqCounter.Count(OnnxBytes.Tiny().ToBytes(), "m"));
        Assert.Equal((1, 1), OnnxQdqCounter.Count(OnnxBytes.Tiny(quantised: true).ToBytes(), "m"));
    }

    [Fact]
    public void Truncated_model_is_rejected_naming_it()
    {
        var bytes = OnnxBytes.Tiny().ToBytes();

        var e = Assert.Throws<FormatException>(() => OnnxQdqCounter.Count(bytes.AsSpan(0, bytes.Length - 10), "cut.onnx"));

        Assert.StartsWith("cut.onnx: not a readable ONNX model", e.Message, StringComparison.Ordinal);
    }
}
