using EdgePose.Train.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgePose.Train.Tests.Models;

/// <summary>
/// The C# models against Ultralytics' published model summaries (nc 1, kpt_shape [17, 3], unfused):
/// yolov8n-pose "YOLOv8-pose summary: 144 layers, 3,295,470 parameters, 3,295,454 gradients, 9.3 GFLOPs";
/// yolo11n-pose 2,874,462 parameters, from Ultralytics' layer table for yolo11n-pose.yaml
/// (github.com/ultralytics/ultralytics issue 16813: backbone and neck as below, head "Pose [1, [17, 3],
/// [64, 128, 256]]" 715,294) and its "YOLO11n-pose summary: 344 layers, 2,662,416 parameters" with a
/// [5, 3] head of 503,248 (2,662,416 − 503,248 + 715,294). The docs' tables round these to 3.3M and 2.9M.
/// </summary>
public sealed class PoseModelTests
{
    [Fact]
    public void Yolov8n_pose_has_Ultralytics_parameter_count()
    {
        using var m = PoseModel.Build(ModelYaml.Named("yolov8n-pose"), 1, [17, 3]);
        Assert.Equal(3_295_470, m.ParameterCount);
        Assert.Equal(3_295_454, m.GradientCount);
        Assert.Equal(1_035_934, m.Layers[^1].Parameters);
    }

    [Fact]
    public void Yolo11n_pose_matches_Ultralytics_layer_by_layer()
    {
        using var m = PoseModel.Build(ModelYaml.Named("yolo11n-pose.yaml"), 1, [17, 3]);
        long[] expected =
        [
            464, 4672, 6640, 36992, 26080, 147712, 87040, 295424, 346112, 164608, 249728,
            0, 0, 111296, 0, 0, 32096, 36992, 0, 86720, 147712, 0, 378880, 715294,
        ];
        Assert.Equal(expected, m.Layers.Select(l => l.Parameters).ToArray());
        Assert.Equal(2_874_462, m.ParameterCount);
        Assert.Equal(2_874_446, m.GradientCount);
    }

    [Fact]
    public void Five_keypoints_change_only_the_keypoint_branch()
    {
        // Ultralytics' yolo11n-pose with kpt_shape [5, 3]: head 503,248, model 2,662,416 (issue 16813).
        using var m = PoseModel.Build(ModelYaml.Named("yolo11n-pose"), 1, [5, 3]);
        Assert.Equal(503_248, m.Layers[^1].Parameters);
        Assert.Equal(2_662_416, m.ParameterCount);
    }

    [Fact]
    public void GFlops_match_ultralytics_summaries()
    {
        // "YOLOv8-pose summary: ... 9.3 GFLOPs" (yolov8n-pose, [17, 3]); "YOLO11n-pose summary: ... 2,662,416
        // parameters, ... 6.7 GFLOPs" (yolo11n-pose, [5, 3], issue 16813); both at 640.
        using var v8 = PoseModel.Build(ModelYaml.Named("yolov8n-pose"), 1, [17, 3]);
        var (perLayer, total) = FlopCounter.GFlops(v8);
        Assert.Equal(9.3, Math.Round(total, 1));
        Assert.Equal(total, perLayer.Sum(), 9);
        Assert.Equal(0, perLayer[10]); // the upsample
        using var y11 = PoseModel.Build(ModelYaml.Named("yolo11n-pose"), 1, [5, 3]);
        Assert.Equal(6.7, Math.Round(FlopCounter.GFlops(y11).Total, 1));
    }

    [Fact]
    public void Depth_and_width_follow_the_scale()
    {
        using var m = PoseModel.Build(ModelYaml.Named("yolov8n-pose"), 1, [17, 3]);
        // repeats 3 × 0.33 → 1, 6 × 0.33 → 2; channels 128 × 0.25 = 32, 1024 × 0.25 = 256.
        Assert.Equal([1, 2, 2, 1], new[] { 2, 4, 6, 8 }.Select(i => m.Layers[i].Repeats).ToArray());
        Assert.Equal([16L, 32, 32, 64, 64, 128, 128, 256, 256, 256], m.Layers.Take(10).Select(l => l.OutChannels).ToArray());
        Assert.Equal([8.0, 16, 32], m.Head.Strides);
    }

    [Fact]
    public void Inference_output_is_the_export_layout_at_640()
    {
        torch.manual_seed(0);
        using var scope = torch.NewDisposeScope();
        using var m = PoseModel.Build(ModelYaml.Named("yolo11n-pose"), 1, [17, 3]);
        m.eval();
        using var noGrad = torch.no_grad();
        var y = m.forward(torch.rand(1, 3, 640, 640));
        Assert.Equal(new long[] { 1, 56, 8400 }, y.shape);

        // Box centres in input pixels; the anchor of the last P5 cell lies near (624, 624).
        var cx = y[0, 0];
        Assert.InRange(cx.min().item<float>(), -64f, 64f);
        Assert.InRange(cx.max().item<float>(), 560f, 704f);
        var w = y[0, 2];
        Assert.True(w.min().item<float>() > 0f);
        var score = y[0, 4];
        Assert.True(score.min().item<float>() > 0f && score.max().item<float>() < 1f);
        // Keypoint 0: x, y in pixels around the anchors, visibility sigmoided.
        Assert.InRange(y[0, 5].max().item<float>(), 500f, 800f);
        var vis = y[0, 7];
        Assert.True(vis.min().item<float>() > 0f && vis.max().item<float>() < 1f);
    }

    [Fact]
    public void Training_output_gives_the_raw_maps_per_level()
    {
        using var scope = torch.NewDisposeScope();
        using var m = PoseModel.Build(ModelYaml.Named("yolov8n-pose"), 2, [4, 2]);
        var (feats, kpt) = m.ForwardTrain(torch.rand(2, 3, 64, 96));
        Assert.Equal(new long[] { 2, 66, 8, 12 }, feats[0].shape);
        Assert.Equal(new long[] { 2, 66, 4, 6 }, feats[1].shape);
        Assert.Equal(new long[] { 2, 66, 2, 3 }, feats[2].shape);
        Assert.Equal(new long[] { 2, 8, 96 + 24 + 6 }, kpt.shape);
        kpt.sum().backward();
        Assert.True(m.parameters().First().grad is not null);
    }
}
