using EdgePose.Core.Decoding;
using EdgePose.Tests;
using Xunit.Abstractions;

namespace EdgePose.Native.Tests.Kernels;

/// <summary>The emulated decode/NMS kernels against EdgePose.Core on yolo11n-pose's real outputs for coco8-pose.</summary>
public class EmulatedPostprocessModelOutputTests(ITestOutputHelper output)
{
    private static readonly OutputLayout s_layout = new(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3);

    public static TheoryData<string> Settings => ["predict", "validate", "agnostic-few-candidates"];

    [RequiresSharedTheory(ModelOutputs.Model, ModelOutputs.Images)]
    [MemberData(nameof(Settings))]
    public void Real_outputs_give_the_detections_of_core(string setting)
    {
        var options = setting switch
        {
            // The predictor's defaults, the validator's (every candidate above 0.001), and a tight max_nms.
            "predict" => new DecodeOptions(),
            "validate" => new DecodeOptions { Confidence = 0.001f, Iou = 0.7, MultiLabel = true },
            _ => new DecodeOptions { Confidence = 0.01f, Iou = 0.45, ClassAgnostic = true, MaxCandidates = 100, MaxDetections = 20 },
        };
        var compare = new PostprocessComparison();
        foreach (var (name, raw, box) in ModelOutputs.Coco8Pose)
        {
            var why = compare.Compare(s_layout, raw, options, box);
            Assert.True(why is null, $"{name}: {why}");
        }

        output.WriteLine($"{setting}: 8 images, {compare.Candidates} candidates, {compare.Detections} detections equal to Core's; largest coordinate difference {compare.MaxCoordinateDifference} px");
        Assert.True(compare.Detections >= 8, $"only {compare.Detections} detections compared");
    }
}
