using System.CommandLine;
using System.Globalization;
using EdgePose.Cli;
using EdgePose.Train.Data;
using EdgePose.Train.Training;

namespace EdgePose.Train.Commands;

/// <summary>
/// `edgepose-train train --data DATA --model MODEL [--epochs --imgsz --batch --device --workers --seed ...]`, or
/// `edgepose-train train --resume RUN/weights/last.pt`: trains a pose model (Ultralytics' argument names and defaults).
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var defaults = new TrainOptions { Data = "" };
        var aug = new AugmentOptions();
        var data = new Option<string?>("--data") { Description = "data.yaml (train and val splits) or a COCO keypoints json" };
        var model = new Option<string?>("--model") { Description = "yolov8[n|s|m|l|x]-pose, yolo11[n|s|m|l|x]-pose, a model .yaml, a pose .onnx or a checkpoint .pt to start from (default yolo11n-pose)" };
        var images = new Option<string?>("--images") { Description = "Images folder of a COCO json (default: found beside its annotations folder)" };
        var epochs = new Option<int>("--epochs") { DefaultValueFactory = _ => defaults.Epochs, Description = "Epochs to train" };
        var imgsz = new Option<int>("--imgsz") { DefaultValueFactory = _ => defaults.ImageSize, Description = "Square training and validation size (a multiple of 32)" };
        var batch = new Option<int>("--batch") { DefaultValueFactory = _ => defaults.Batch, Description = "Images per batch" };
        var device = new Option<string?>("--device") { Description = "cpu, cuda, cuda:N or N (default: the GPU when TorchSharp has CUDA, else cpu)" };
        var workers = new Option<int>("--workers") { DefaultValueFactory = _ => defaults.Workers, Description = "Threads decoding and augmenting images ahead of the trainer" };
        var seed = new Option<ulong>("--seed") { DefaultValueFactory = _ => defaults.Seed, Description = "Seed of the initial weights, order and augmentation" };
        var optimizer = new Option<string>("--optimizer") { DefaultValueFactory = _ => defaults.Optimizer, Description = "SGD, AdamW or auto" };
        var lr0 = new Option<double>("--lr0") { DefaultValueFactory = _ => defaults.Lr0, Description = "Initial learning rate (SGD, AdamW; auto chooses its own)" };
        var lrf = new Option<double>("--lrf") { DefaultValueFactory = _ => defaults.Lrf, Description = "Final learning rate as a fraction of lr0" };
        var cos = new Option<bool>("--cos-lr") { Description = "Cosine learning-rate curve (default linear)" };
        var nbs = new Option<int>("--nbs") { DefaultValueFactory = _ => defaults.NominalBatch, Description = "Nominal batch size: gradients are accumulated over round(nbs / batch) batches per step" };
        var warmup = new Option<double>("--warmup-epochs") { DefaultValueFactory = _ => defaults.WarmupEpochs, Description = "Warm-up epochs (at least 100 iterations)" };
        var mosaic = new Option<double>("--mosaic") { DefaultValueFactory = _ => aug.Mosaic, Description = "Mosaic probability" };
        var closeMosaic = new Option<int>("--close-mosaic") { DefaultValueFactory = _ => aug.CloseMosaic, Description = "Last epochs without mosaic" };
        var fliplr = new Option<double>("--fliplr") { DefaultValueFactory = _ => aug.FlipLR, Description = "Horizontal flip probability (keypoints swapped by flip_idx)" };
        var degrees = new Option<double>("--degrees") { DefaultValueFactory = _ => aug.Degrees, Description = "Random rotation, ± degrees" };
        var scale = new Option<double>("--scale") { DefaultValueFactory = _ => aug.Scale, Description = "Random scale, 1 ± scale" };
        var translate = new Option<double>("--translate") { DefaultValueFactory = _ => aug.Translate, Description = "Random translation, ± fraction of imgsz" };
        var noVal = new Option<bool>("--no-val") { Description = "Validate only after the last epoch" };
        var project = new Option<string>("--project") { DefaultValueFactory = _ => defaults.Project, Description = "Folder of the runs" };
        var name = new Option<string>("--name") { DefaultValueFactory = _ => defaults.Name, Description = "Run folder name (train, train2, ... when taken)" };
        var existOk = new Option<bool>("--exist-ok") { Description = "Write into project/name even when it holds files" };
        var resume = new Option<string?>("--resume") { Description = "Continue the run of this last.pt (or run folder) with its own arguments" };
        var cmd = new Command("train", "Train a YOLO pose model on a data set");
        foreach (var o in new Option[] { data, model, images, epochs, imgsz, batch, device, workers, seed, optimizer, lr0, lrf, cos, nbs, warmup, mosaic, closeMosaic, fliplr, degrees, scale, translate, noVal, project, name, existOk, resume })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction((parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var resumeFrom = parse.GetValue(resume);
            Trainer MakeTrainer(ITrainProgress progress)
            {
                if (resumeFrom is not null)
                {
                    return Trainer.Resume(resumeFrom, progress, parse.GetValue(model));
                }

                var options = new TrainOptions
                {
                    Data = parse.GetValue(data) ?? throw new Core.Errors.InputException("--data is required (or --resume)"),
                    Model = parse.GetValue(model) ?? defaults.Model,
                    Images = parse.GetValue(images),
                    Epochs = parse.GetValue(epochs),
                    ImageSize = parse.GetValue(imgsz),
                    Batch = parse.GetValue(batch),
                    Device = parse.GetValue(device),
                    Workers = parse.GetValue(workers),
                    Seed = parse.GetValue(seed),
                    Optimizer = parse.GetValue(optimizer)!,
                    Lr0 = parse.GetValue(lr0),
                    Lrf = parse.GetValue(lrf),
                    CosineLr = parse.GetValue(cos),
                    WarmupEpochs = parse.GetValue(warmup),
                    NominalBatch = parse.GetValue(nbs),
                    Val = !parse.GetValue(noVal),
                    Project = parse.GetValue(project)!,
                    Name = parse.GetValue(name)!,
                    ExistOk = parse.GetValue(existOk),
                    Augment = aug with
                    {
                        Mosaic = parse.GetValue(mosaic),
                        CloseMosaic = parse.GetValue(closeMosaic),
                        FlipLR = parse.GetValue(fliplr),
                        Degrees = parse.GetValue(degrees),
                        Scale = parse.GetValue(scale),
                        Translate = parse.GetValue(translate),
                    },
                };
                return Trainer.New(options, progress);
            }

            var result = TrainProgressFor.Run(output, progress => MakeTrainer(progress).Run(ct));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best pose mAP50-95 {Math.Max(result.BestFitness, 0):F4}; weights {result.Best} and {result.Last}; results {Path.Combine(result.RunFolder, "results.csv")}"));
            return Task.FromResult(ExitCodes.Ok);
        });
        return cmd;
    }
}
