using EdgePose.Tests;
using EdgePose.Train.Onnx;
using OpenCvSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgePose.Train.Tests.Onnx;

/// <summary>
/// yolo11n-pose_int8_floathead.onnx (QDQ INT8 weights, BatchNorm folded) imported into the C# model, then run
/// on a real coco8-pose image beside ONNX Runtime running the file itself. ONNX Runtime also quantises the
/// activations (Q/DQ pairs between layers) while the imported model runs them in float, so the two agree to
/// the quantisation noise, not bit for bit: the tolerances below are stated for that.
/// </summary>
public sealed class OnnxImportTests
{
    private const string Image = "data/coco8-pose/images/val/000000000113.jpg";

    private static float[] LoadInput(string path)
    {
        using var bgr = Cv2.ImRead(path);
        using var resized = new Mat();
        Cv2.Resize(bgr, resized, new OpenCvSharp.Size(640, 640));
        var input = new float[3 * 640 * 640];
        for (var y = 0; y < 640; y++)
        {
            for (var x = 0; x < 640; x++)
            {
                var p = resized.At<Vec3b>(y, x);
                input[(0 * 640 * 640) + (y * 640) + x] = p.Item2 / 255f;
                input[(1 * 640 * 640) + (y * 640) + x] = p.Item1 / 255f;
                input[(2 * 640 * 640) + (y * 640) + x] = p.Item0 / 255f;
            }
        }

        return input;
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", Image)]
    public void Imported_int8_model_matches_onnx_runtime_on_a_real_image()
    {
        using var scope = NewDisposeScope();
        using var model = OnnxPoseImporter.Import(TestPaths.FloatHeadModel);
        Assert.Equal("yolo11n-pose", model.Spec.Name);
        Assert.Equal([17, 3], model.KptShape);
        model.eval();
        var input = LoadInput(TestPaths.Shared(Image));
        float[] ours;
        using (no_grad())
        {
            ours = model.forward(tensor(input).view(1, 3, 640, 640)).contiguous().data<float>().ToArray();
        }

        var (reference, shape) = OnnxRuntimeReference.Run(TestPaths.FloatHeadModel, input);
        Assert.Equal(new long[] { 1, 56, 8400 }, shape);
        Assert.Equal(reference.Length, ours.Length);

        // Measured here (coco8-pose 000000000113.jpg, plain resize to 640): 30 anchors above 0.5 in both; mean
        // |Δscore| over all 8400 anchors 0.0004; on the 30, mean |Δscore| and |Δbox| small, the odd anchor up
        // to 0.5 / 20 px apart: ONNX Runtime rounds every activation to INT8 (the Q/DQ pairs), the import does not.
        // Tolerances: mean |Δscore| ≤ 0.002 over all anchors; on ONNX Runtime's anchors above 0.5, mean
        // |Δscore| ≤ 0.08, mean |Δbox| ≤ 8 px (measured 5.75), mean |Δkeypoint| ≤ 6 px (measured 3.87) (visible points); the best anchor's
        // score within 0.05; the count of anchors above 0.5 within 20 %.
        const int a = 8400;
        double Diff(int row, int i) => Math.Abs(ours[(row * a) + i] - reference[(row * a) + i]);
        var confident = Enumerable.Range(0, a).Where(i => reference[(4 * a) + i] > 0.5f).ToArray();
        Assert.NotEmpty(confident);
        var meanAll = Enumerable.Range(0, a).Average(i => Diff(4, i));
        var meanScore = confident.Average(i => Diff(4, i));
        var meanBox = confident.Average(i => Enumerable.Range(0, 4).Average(r => Diff(r, i)));
        var kptDiffs = confident.SelectMany(i => Enumerable.Range(0, 17).Where(k => reference[((7 + (3 * k)) * a) + i] > 0.5f)
            .SelectMany(k => new[] { Diff(5 + (3 * k), i), Diff(6 + (3 * k), i) })).ToArray();
        var meanKpt = kptDiffs.Average();
        var best = confident.MaxBy(i => reference[(4 * a) + i]);
        var ourConfident = Enumerable.Range(0, a).Count(i => ours[(4 * a) + i] > 0.5f);
        var line = $"{confident.Length} anchors > 0.5 (ours {ourConfident}); mean |Δscore| all {meanAll:F4}, confident {meanScore:F4}; mean |Δbox| {meanBox:F2} px; mean |Δkpt| {meanKpt:F2} px; best score {reference[(4 * a) + best]:F3}/{ours[(4 * a) + best]:F3}";
        Console.WriteLine(line);
        Assert.True(meanAll <= 0.002 && meanScore <= 0.08 && meanBox <= 8 && meanKpt <= 6 && Diff(4, best) <= 0.05, line);
        Assert.InRange(ourConfident, confident.Length * 0.8, confident.Length * 1.2);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx")]
    public void Dequantised_weights_are_the_int8_values_times_their_scales()
    {
        var weights = OnnxWeights.Read(File.ReadAllBytes(TestPaths.FloatHeadModel), "m");
        var w = weights["model.0.conv.weight"];
        Assert.Equal(new long[] { 16, 3, 3, 3 }, w.Shape);
        Assert.Contains(w.Values, v => v != 0);
        Assert.Equal(new long[] { 16 }, weights["model.0.conv.bias"].Shape);
        Assert.Equal(new long[] { 51, 51, 1, 1 }, weights["model.23.cv4.0.2.weight"].Shape);
    }

    [Fact]
    public void Per_channel_dequantisation_uses_each_channels_scale_and_zero_point()
    {
        // shape [2, 2]: channel 0 scale 0.5 zero 1, channel 1 scale 2 zero −1 (axis 0).
        var w = OnnxWeights.Dequantize([3, 5, -1, 0], [2, 2], [0.5f, 2f], [1f, -1f], 0);
        Assert.Equal(new[] { 1f, 2f, 0f, 2f }, w);
        Assert.Equal(new[] { 0.3f, -0.3f }, OnnxWeights.Dequantize([3, -3], [2], [0.1f], [0f], 1));
    }

    [Fact]
    public void A_file_that_is_not_an_onnx_model_is_a_one_line_error()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "notes.onnx");
        File.WriteAllText(path, "names: [person]\nkpt_shape: [17, 3]\n");
        var e = Assert.ThrowsAny<Exception>(() => OnnxPoseImporter.Import(path));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_fused_model_has_conv_biases_and_no_batch_norm()
    {
        using var fused = EdgePose.Train.Models.PoseModel.Build(EdgePose.Train.Models.ModelYaml.Named("yolo11n-pose"), 1, [17, 3], fused: true);
        var names = fused.named_parameters().Select(p => p.name).ToList();
        Assert.Contains("model.0.conv.bias", names);
        Assert.DoesNotContain(names, n => n.Contains(".bn.", StringComparison.Ordinal));
        // Ultralytics' fused yolo11n-pose summary: 2,866,468 parameters (BatchNorm folded into conv biases).
        Assert.Equal(2_866_468, fused.ParameterCount);
    }
}
