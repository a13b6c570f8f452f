using System.CommandLine;
using EdgePose.Cli;
using EdgePose.Train.Export;
using EdgePose.Train.Training;

namespace EdgePose.Train.Commands;

/// <summary>
/// `edgepose-train export --model RUN/weights/best.pt [--imgsz 640] [--batch 1] [--dynamic] [-o OUT.onnx]`: writes the
/// model as an Ultralytics-layout pose ONNX that `edgepose predict|val|build-engine` run unchanged.
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Required = true, Description = "Checkpoint (.pt) or pose .onnx to export" };
        var imgsz = new Option<int>("--imgsz") { DefaultValueFactory = _ => 640, Description = "Square input size (a multiple of 32)" };
        var batch = new Option<int>("--batch") { DefaultValueFactory = _ => 1, Description = "Fixed batch size of the input" };
        var dynamic = new Option<bool>("--dynamic") { Description = "Symbolic batch dimension instead of a fixed one" };
        var output = new Option<string?>("--output", "-o") { Description = "ONNX file to write (default: the model's path with .onnx)" };
        var cmd = new Command("export", "Export a trained model to ONNX in Ultralytics' layout");
        foreach (var o in new Option[] { model, imgsz, batch, dynamic, output })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(parse =>
        {
            var modelPath = parse.GetValue(model)!;
            var target = parse.GetValue(output) ?? Path.ChangeExtension(modelPath, ".onnx");
            if (Path.GetFullPath(target) == Path.GetFullPath(modelPath))
            {
                throw new Core.Errors.InputException($"output {target} is the model itself; give another --output");
            }

            int b = parse.GetValue(batch);
            if (b < 1)
            {
                throw new Core.Errors.InputException($"batch {b} must be at least 1");
            }

            using var loaded = LoadedModel.From(modelPath);
            loaded.Model.eval();
            PoseOnnxExporter.Export(loaded.Model, target, loaded.Names, parse.GetValue(imgsz), b, parse.GetValue(dynamic), modelPath);
            parse.InvocationConfiguration.Output.WriteLine($"exported {modelPath} to {target} (images [{(parse.GetValue(dynamic) ? "batch" : b.ToString(System.Globalization.CultureInfo.InvariantCulture))}, 3, {parse.GetValue(imgsz)}, {parse.GetValue(imgsz)}] -> output0)");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
