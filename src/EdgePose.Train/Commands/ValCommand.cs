using System.CommandLine;
using EdgePose.Core.Errors;
using EdgePose.Cli;
using EdgePose.Train.Torch;
using EdgePose.Train.Training;
using TorchSharp;

namespace EdgePose.Train.Commands;

/// <summary>
/// `edgepose-train val --model MODEL.pt|.onnx --data DATA [--imgsz --batch --device --images]`: validates a checkpoint
/// or an imported pose ONNX in TorchSharp as `edgepose val` validates with the runtime (pose and box mAP).
/// </summary>
public static class ValCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Required = true, Description = "Checkpoint (.pt) or Ultralytics pose .onnx" };
        var data = new Option<string>("--data") { Required = true, Description = "data.yaml (val split) or a COCO keypoints json" };
        var images = new Option<string?>("--images") { Description = "Images folder of a COCO json" };
        var imgsz = new Option<int>("--imgsz") { DefaultValueFactory = _ => 640, Description = "Square validation size (a multiple of 32)" };
        var batch = new Option<int>("--batch") { DefaultValueFactory = _ => 16, Description = "Images per forward pass" };
        var device = new Option<string?>("--device") { Description = "cpu, cuda, cuda:N or N" };
        var cmd = new Command("val", "Validate a trained model on a data set (pose and box mAP)");
        foreach (var o in new Option[] { model, data, images, imgsz, batch, device })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction((parse, ct) =>
        {
            var (dev, error) = TrainingDevice.Resolve(parse.GetValue(device));
            if (error is not null)
            {
                throw new InputException(error);
            }

            int size = parse.GetValue(imgsz);
            if (size < 32 || size % 32 != 0)
            {
                throw new InputException($"imgsz {size} must be a positive multiple of 32 (the largest stride)");
            }

            var modelPath = parse.GetValue(model)!;
            using var validator = PoseValidator.For(parse.GetValue(data)!, parse.GetValue(images), size, Math.Max(1, parse.GetValue(batch)));
            using var loaded = LoadedModel.From(modelPath);
            validator.CheckModel(loaded.Model, modelPath);
            loaded.Model.to(dev!);
            var metrics = validator.Run(loaded.Model, dev, ct);
            parse.InvocationConfiguration.Output.WriteLine($"{modelPath} on {validator.Data.Source}: {metrics}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return cmd;
    }
}
