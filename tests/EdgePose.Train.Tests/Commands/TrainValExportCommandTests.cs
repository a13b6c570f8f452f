using EdgePose.Core.Engines;
using EdgePose.Tests;
using EdgePose.Train.Models;
using EdgePose.Train.Datasets;
using EdgePose.Train.Training;

namespace EdgePose.Train.Tests.Commands;

/// <summary>train, val and export from the command line: bad inputs end in one line, a checkpoint exports and validates.</summary>
public sealed class TrainValExportCommandTests : TempFolder
{
    /// <summary>A checkpoint of an untrained model for nc 1 and kpt_shape [K, 3].</summary>
    private string CheckpointFor(string model, int k, string file = "model.pt")
    {
        using var m = PoseModel.Build(ModelYaml.Named(model), 1, [k, 3]);
        var path = At(file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Checkpoint.Save(path, m, 0, 0.1, ["box"]);
        return path;
    }

    [Fact]
    public void Val_with_a_data_yaml_whose_kpt_shape_disagrees_with_the_model_is_one_line()
    {
        var yaml = SyntheticPoseData.Write(At("data"), 2, 2, size: 64);
        var error = CliRun.Of("val", "--model", CheckpointFor("yolov8n-pose", 5), "--data", yaml, "--imgsz", "64").SingleError();
        Assert.Contains("kpt_shape [4, 3]", error);
        Assert.Contains("[5, 3]", error);
    }

    [Fact]
    public void Train_with_an_empty_train_split_is_one_line()
    {
        var yaml = SyntheticPoseData.Write(At("data"), 0, 2, size: 64);
        var run = CliRun.Of("train", "--data", yaml, "--model", "yolov8n-pose", "--epochs", "1", "--imgsz", "64", "--project", At("runs"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("train split holds no images", run.SingleError());
    }

    [Fact]
    public void Train_with_a_nominal_batch_below_one_is_one_line()
    {
        var yaml = SyntheticPoseData.Write(At("data"), 2, 2, size: 64);
        var run = CliRun.Of("train", "--data", yaml, "--model", "yolov8n-pose", "--epochs", "1", "--imgsz", "64", "--nbs", "0", "--project", At("runs"));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: nbs (0) must be at least 1", run.SingleError());
    }

    [Fact]
    public void A_corrupt_checkpoint_is_one_line_for_val_and_export()
    {
        var yaml = SyntheticPoseData.Write(At("data"), 2, 2, size: 64);
        var good = File.ReadAllBytes(CheckpointFor("yolov8n-pose", 4));
        var bad = At("corrupt.pt");
        File.WriteAllBytes(bad, good[..(good.Length / 2)]);
        Assert.Contains("truncated or corrupt", CliRun.Of("val", "--model", bad, "--data", yaml, "--imgsz", "64").SingleError());
        File.WriteAllText(bad, "not a checkpoint at all");
        Assert.Contains("not an EdgePose checkpoint", CliRun.Of("export", "--model", bad).SingleError());
    }

    [Fact]
    public void Resume_with_a_different_model_is_one_line()
    {
        var yaml = SyntheticPoseData.Write(At("data"), 2, 2, size: 64);
        var files = new RunFiles(At("runs", "train"));
        Directory.CreateDirectory(files.Weights);
        CheckpointFor("yolov8n-pose", 4, Path.Combine("runs", "train", "weights", "last.pt"));
        files.WriteArgs(new TrainOptions { Data = yaml, Model = "yolov8n-pose", Epochs = 3, ImageSize = 64, Batch = 2, Workers = 1 });
        var error = CliRun.Of("train", "--resume", files.Last, "--model", "yolo11n-pose").SingleError();
        Assert.Contains("checkpoint holds yolov8n-pose", error);
        Assert.Contains("not yolo11n-pose", error);
    }

    [Fact]
    public void An_onnx_to_import_that_is_not_a_pose_model_is_one_line()
    {
        var yaml = SyntheticPoseData.Write(At("data"), 2, 2, size: 64);
        var detect = OnnxBytes.Identity(TensorElementType.Float32, 1, 3, 64, 64).Metadata("task", "detect").Save(Root, "detect.onnx");
        Assert.Contains("not a pose model", CliRun.Of("val", "--model", detect, "--data", yaml).SingleError());
        Assert.Contains("not a pose model", CliRun.Of("train", "--model", detect, "--data", yaml, "--epochs", "1", "--imgsz", "64", "--project", At("runs")).SingleError());
    }

    [Fact]
    public void A_checkpoint_exports_to_an_onnx_that_val_reads_back_with_its_names()
    {
        var yaml = SyntheticPoseData.Write(At("data"), 2, 3, size: 64);
        var ckpt = CheckpointFor("yolov8n-pose", 4);
        var export = CliRun.Of("export", "--model", ckpt, "--imgsz", "64");
        Assert.Equal(0, export.ExitCode);
        var onnx = Path.ChangeExtension(ckpt, ".onnx");
        var info = Core.Onnx.OnnxModelReader.Read(File.ReadAllBytes(onnx), onnx);
        Assert.Equal("box", info.Metadata.Names[0]);
        var val = CliRun.Of("val", "--model", onnx, "--data", yaml, "--imgsz", "64");
        Assert.Equal(0, val.ExitCode);
        Assert.Contains("pose mAP50-95", val.Stdout);
        Assert.Contains("(3 images", val.Stdout);
    }
}
