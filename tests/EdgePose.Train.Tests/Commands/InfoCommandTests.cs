using EdgePose.Tests;

namespace EdgePose.Train.Tests.Commands;

public sealed class InfoCommandTests : TempFolder
{
    [Fact]
    public void Info_prints_the_layers_and_ultralytics_totals()
    {
        var run = CliRun.Of("info", "yolov8n-pose");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("yolov8n-pose summary: 23 layers, 3,295,470 parameters, 3,295,454 gradients, 9.3 GFLOPs at 640, nc 1, kpt_shape [17, 3]", run.Stdout);
        Assert.Contains("[15, 18, 21]", run.Stdout);
    }

    [Fact]
    public void Info_takes_nc_and_kpt_shape_from_data_yaml()
    {
        var data = At("data.yaml");
        File.WriteAllText(data, "path: .\ntrain: images/train\nval: images/val\nkpt_shape: [5, 3]\nnames:\n  0: face\n");
        var run = CliRun.Of("info", "yolo11n-pose", "--data", data);
        Assert.Equal(0, run.ExitCode);
        // Ultralytics' yolo11n-pose with kpt_shape [5, 3], nc 1: 2,662,416 parameters (issue 16813's summary).
        Assert.Contains("yolo11n-pose summary: 24 layers, 2,662,416 parameters, 2,662,400 gradients, 6.7 GFLOPs at 640, nc 1, kpt_shape [5, 3]", run.Stdout);
    }

    [Fact]
    public void A_data_yaml_without_kpt_shape_is_a_one_line_error()
    {
        var data = At("data.yaml");
        File.WriteAllText(data, "train: images/train\nnames:\n  0: person\n");
        Assert.Equal($"error: {data}: kpt_shape [K, 2] or [K, 3] is required to build a pose model", CliRun.Of("info", "yolo11n-pose", "--data", data).SingleError());
    }

    [Fact]
    public void An_unknown_model_is_a_one_line_error()
    {
        var run = CliRun.Of("info", "resnet50");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: model 'resnet50' is not one of yolov8[n|s|m|l|x]-pose or yolo11[n|s|m|l|x]-pose (or a model .yaml file)", run.SingleError());
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx")]
    public void Info_of_an_onnx_export_shows_the_fused_model()
    {
        var run = CliRun.Of("info", TestPaths.FloatHeadModel);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("yolo11n-pose summary (fused): 24 layers, 2,866,468 parameters", run.Stdout);
    }
}
