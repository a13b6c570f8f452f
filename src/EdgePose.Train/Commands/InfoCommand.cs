using System.CommandLine;
using EdgePose.Cli;
using EdgePose.Core.Datasets.Yolo;
using EdgePose.Train.Models;
using EdgePose.Train.Onnx;

namespace EdgePose.Train.Commands;

/// <summary>
/// `edgepose-train info MODEL [--data DATA.yaml]`: the layers of a model (a built-in name such as yolo11n-pose,
/// or an Ultralytics pose .onnx, imported) with their parameter counts, and the totals. --data takes nc and
/// kpt_shape from a data set; without it a built-in model has 1 class and 17 × 3 keypoints.
/// </summary>
public static class InfoCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "yolov8[n|s|m|l|x]-pose, yolo11[n|s|m|l|x]-pose, or a pose .onnx" };
        var data = new Option<string?>("--data") { Description = "data.yaml whose nc (names) and kpt_shape the model takes" };
        var cmd = new Command("info", "Print a model's layers and parameter counts");
        cmd.Arguments.Add(model);
        cmd.Options.Add(data);
        cmd.SetAction(parse =>
        {
            var name = parse.GetValue(model)!;
            var dataPath = parse.GetValue(data);
            using var built = name.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)
                ? OnnxPoseImporter.Import(File.Exists(name) ? name : throw new FileNotFoundException($"model file not found: {name}"))
                : dataPath is null
                    ? PoseModel.Build(ModelYaml.Named(name))
                    : ModelForData.Build(name, DataYamlReader.Parse(File.Exists(dataPath) ? File.ReadAllText(dataPath) : throw new FileNotFoundException($"data.yaml not found: {dataPath}"), dataPath));
            ModelSummary.Write(parse.InvocationConfiguration.Output, built);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
