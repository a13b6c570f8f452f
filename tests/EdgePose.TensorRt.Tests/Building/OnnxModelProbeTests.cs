using EdgePose.TensorRt.Building.Onnx;
using EdgePose.Tests;

namespace EdgePose.TensorRt.Tests.Building;

public sealed class OnnxModelProbeTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("edgepose-probe");

    public void Dispose() => Directory.Delete(_dir, true);

    [RequiresSharedFact("models/yolo11n-pose_int8.onnx")]
    public void Genuine_int8_export_has_its_documented_quantize_and_dequantize_nodes()
    {
        var probe = OnnxModelProbe.Read(TestPaths.GenuineInt8Model);

        Assert.Equal(366, probe.QuantizeNodes);
        Assert.Equal(565, probe.DequantizeNodes);
        Assert.True(probe.IsQuantized);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx")]
    public void Float_head_copy_has_four_pairs_fewer()
    {
        var probe = OnnxModelProbe.Read(TestPaths.FloatHeadModel);

        Assert.Equal(362, probe.QuantizeNodes);
        Assert.Equal(561, probe.DequantizeNodes);
    }

    [Fact]
    public void Float_model_is_not_quantised_and_a_qdq_pair_makes_it_so()
    {
        var plain = OnnxModelProbe.Read(OnnxBytes.Tiny().Save(_dir, "float.onnx"));
        var quantised = OnnxModelProbe.Read(OnnxBytes.Tiny(quantised: true).Save(_dir, "qdq.onnx"));

        Assert.Equal((0, 0, false), (plain.QuantizeNodes, plain.DequantizeNodes, plain.IsQuantized));
        Assert.Equal((1, 1, true), (quantised.QuantizeNodes, quantised.DequantizeNodes, quantised.IsQuantized));
    }

    [Fact]
    public void Truncated_model_is_rejected_naming_it()
    {
        var bytes = OnnxBytes.Tiny().ToBytes();
        var path = Path.Combine(_dir, "cut.onnx");
        File.WriteAllBytes(path, bytes[..^10]);

        var e = Assert.Throws<FormatException>(() => OnnxModelProbe.Read(path));

        Assert.StartsWith($"{path}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("ONNX model", e.Message, StringComparison.Ordinal);
    }
}
