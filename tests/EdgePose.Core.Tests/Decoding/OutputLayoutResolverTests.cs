using EdgePose.Core.Decoding;
using EdgePose.Core.Engines;
using EdgePose.Core.Errors;
using EdgePose.Core.Models;

namespace EdgePose.Core.Tests.Decoding;

public class OutputLayoutResolverTests
{
    private static readonly ModelMetadata Coco = new()
    {
        KeypointCount = 17,
        KeypointDims = 3,
        Names = new Dictionary<int, string> { [0] = "person" },
        EndToEnd = false,
    };

    private static TensorInfo Output(params long[] dims) => new("output0", TensorElementType.Float32, new TensorShape(dims));

    [Fact]
    public void Yolo11_pose_output_is_raw_channels_first_with_8400_anchors()
    {
        var l = OutputLayoutResolver.Resolve(Output(1, 56, 8400), Coco);
        Assert.Equal(new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3), l);
    }

    [Fact]
    public void Other_input_sizes_and_keypoint_sets_come_from_shape_and_metadata_not_constants()
    {
        var meta = new ModelMetadata { KeypointCount = 8, KeypointDims = 2, Names = new Dictionary<int, string> { [0] = "a", [1] = "b" } };
        var l = OutputLayoutResolver.Resolve(Output(4, 22, 2100), meta);
        Assert.Equal(new OutputLayout(OutputLayoutKind.RawChannelsFirst, 4, 2100, 2, 8, 2), l);
    }

    [Fact]
    public void Transposed_raw_output_is_recognised()
    {
        var l = OutputLayoutResolver.Resolve(Output(1, 8400, 56), Coco);
        Assert.Equal(OutputLayoutKind.RawChannelsLast, l.Kind);
        Assert.Equal(8400, l.Rows);
    }

    [Fact]
    public void End2end_metadata_selects_the_nms_layout()
    {
        var l = OutputLayoutResolver.Resolve(Output(1, 300, 57), Coco with { EndToEnd = true });
        Assert.Equal(new OutputLayout(OutputLayoutKind.EndToEnd, 1, 300, 1, 17, 3), l);
    }

    [Fact]
    public void End2end_shape_without_the_flag_is_recognised_from_six_plus_k_times_d()
    {
        var l = OutputLayoutResolver.Resolve(Output(1, 300, 57), Coco with { EndToEnd = null });
        Assert.Equal(OutputLayoutKind.EndToEnd, l.Kind);
    }

    [Theory]
    [InlineData(new long[] { 1, 55, 8400 }, "fits neither the raw pose layout")]
    [InlineData(new long[] { 1, 56 }, "not a rank-3")]
    [InlineData(new long[] { 1, -1, 8400 }, "not a rank-3")]
    public void Unsupported_output_shapes_are_rejected_naming_the_output(long[] dims, string expected)
    {
        var e = Assert.Throws<InputException>(() => OutputLayoutResolver.Resolve(Output(dims), Coco, source: "m.onnx"));
        Assert.StartsWith("m.onnx: output 'output0'", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void End2end_flag_with_a_raw_shape_is_rejected()
    {
        var e = Assert.Throws<InputException>(() => OutputLayoutResolver.Resolve(Output(1, 56, 8400), Coco with { EndToEnd = true }));
        Assert.Contains("end-to-end layout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_kpt_shape_is_rejected_unless_given_explicitly()
    {
        var meta = Coco with { KeypointCount = null, KeypointDims = null };
        var e = Assert.Throws<InputException>(() => OutputLayoutResolver.Resolve(Output(1, 56, 8400), meta));
        Assert.Contains("--kpt-shape K,D", e.Message, StringComparison.Ordinal);
        Assert.Equal(17, OutputLayoutResolver.Resolve(Output(1, 56, 8400), meta, (17, 3)).KeypointCount);
    }

    [Fact]
    public void Non_float_output_is_rejected()
    {
        var o = new TensorInfo("output0", TensorElementType.Float16, new TensorShape([1, 56, 8400]));
        Assert.Throws<InputException>(() => OutputLayoutResolver.Resolve(o, Coco));
    }
}
