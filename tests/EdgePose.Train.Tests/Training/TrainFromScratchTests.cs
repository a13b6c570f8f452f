using EdgePose.Train.Data;
using EdgePose.Train.Datasets;
using EdgePose.Train.Training;
using Xunit.Abstractions;

namespace EdgePose.Train.Tests.Training;

/// <summary>
/// The whole trainer from scratch on a synthetic data set made here (rectangles whose corners are the
/// keypoints): the loss falls and the pose mAP50 of the validation split passes a threshold, within the time
/// CI allows on 2 cores.
/// </summary>
public sealed class TrainFromScratchTests(ITestOutputHelper output) : TempFolder
{
    [Fact]
    public void Training_from_scratch_on_synthetic_rectangles_lowers_the_loss_and_reaches_pose_map50()
    {
        var yaml = SyntheticPoseData.Write(At("data"), train: 64, val: 16, size: 128);
        var options = new TrainOptions
        {
            Data = yaml,
            Model = "yolov8n-pose",
            Epochs = 20,
            ImageSize = 128,
            Batch = 8,
            NominalBatch = 8,
            Workers = 2,
            Seed = 1,
            WarmupEpochs = 1,
            Project = At("runs"),
            Augment = new AugmentOptions { CloseMosaic = 5 },
        };
        var lines = new StringWriter();
        var result = Trainer.New(options, new PlainProgress(lines)).Run(CancellationToken.None);
        output.WriteLine(lines.ToString());
        if (Environment.GetEnvironmentVariable("EDGEPOSE_KEEP_RUN") is { Length: > 0 } keep)
        {
            CopyTree(result.RunFolder, keep);
        }

        var first = result.Epochs[0];
        var last = result.Epochs[^1];
        Assert.True(last.TotalLoss < first.TotalLoss * 0.7, $"loss {first.TotalLoss:F3} → {last.TotalLoss:F3}");
        Assert.True(last.Val!.PoseMap50 > 0.5, $"pose mAP50 {last.Val.PoseMap50:F3}");
        Assert.True(File.Exists(result.Best) && File.Exists(Path.Combine(result.RunFolder, "results.png")));
        Assert.Equal(options.Epochs + 1, File.ReadAllLines(Path.Combine(result.RunFolder, "results.csv")).Length);
    }
}
