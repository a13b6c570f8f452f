using EdgePose.Train.Training.Optimizers;
using System.Diagnostics;
using EdgePose.Cli.Files;
using EdgePose.Core.Errors;
using EdgePose.Train.Data;
using EdgePose.Train.Loss;
using EdgePose.Train.Models;
using EdgePose.Train.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgePose.Train.Training;

/// <summary>
/// The epoch loop: batches from the <see cref="BatchLoader"/> through <see cref="TrainStep"/> (warm-up, linear or
/// cosine learning rate, gradients accumulated to the nominal batch (64), EMA), then the EMA model validated
/// by <see cref="PoseValidator"/>, last.pt and best.pt (by pose mAP50-95) saved, results.csv and results.png
/// rewritten. A fixed seed fixes the initial weights, the order and the augmentation. <see cref="Resume"/>
/// continues a run from its last checkpoint with the run's own arguments.
/// </summary>
public sealed class Trainer
{
    private readonly TrainOptions _o;
    private readonly ITrainProgress _progress;
    private readonly RunFiles? _resume;

    private Trainer(TrainOptions options, ITrainProgress progress, RunFiles? resume)
    {
        _o = options;
        _progress = progress;
        _resume = resume;
    }

    public static Trainer New(TrainOptions options, ITrainProgress progress) => new(Checked(options), progress, null);

    /// <summary>Continues the run of <paramref name="checkpoint"/> (its weights/last.pt, or the run folder); <paramref name="model"/>, when given, must be the run's model.</summary>
    public static Trainer Resume(string checkpoint, ITrainProgress progress, string? model = null)
    {
        var files = RunFiles.Of(checkpoint);
        var options = files.ReadArgs();
        return new(Checked(options with { Model = model ?? options.Model }), progress, files);
    }

    public TrainResult Run(CancellationToken ct)
    {
        var (device, deviceError) = TrainingDevice.Resolve(_o.Device);
        if (deviceError is not null)
        {
            throw new InputException(deviceError);
        }

        torch.manual_seed((long)(_o.Seed & long.MaxValue));
        var train = PoseDataset.Load(_o.Data, "train", _o.Images);
        using var validator = PoseValidator.For(_o.Data, _o.Images, _o.ImageSize, _o.Batch);
        int nc = train.Names.Count;
        var files = _resume ?? new RunFiles(RunFolder.Choose(Path.Combine(_o.Project, _o.Name), _o.ExistOk, [_o.Data]));
        Directory.CreateDirectory(files.Weights);

        using var model = _resume is null ? StartingModel.Build(_o.Model, nc, train.KptShape, _progress.Message) : ResumedModel(files, train);
        validator.CheckModel(model, _o.Model);
        using var shadow = PoseModel.Build(model.Spec, model.Classes, model.KptShape, model.Fused);
        model.to(device!);
        shadow.to(device!);
        var ema = new ModelEma(shadow);
        ema.CopyFrom(model);
        shadow.eval();

        var loader = new BatchLoader(train, new SampleAugmenter(train, _o.ImageSize, _o.Augment), _o.Batch, _o.Workers, _o.Seed, _o.Augment);
        int nb = loader.BatchesPerEpoch;
        int accumulate = Math.Max((int)Math.Round((double)_o.NominalBatch / _o.Batch), 1);
        var (kind, lr0, momentum, warmupBiasLr) = ChooseOptimizer(nb, nc);
        double decay = _o.WeightDecay * _o.Batch * accumulate / _o.NominalBatch;
        using var optimizer = OptimizerFactory.Create(ParameterGroups.Of(model), kind, lr0, momentum, decay);
        var schedule = new LearningRate(lr0, _o.Lrf, _o.Epochs, _o.CosineLr ? LrCurve.Cosine : LrCurve.Linear, _o.WarmupEpochs, warmupBiasLr, 0.8, momentum);
        var step = new TrainStep(model, new PoseLoss(model), optimizer, schedule, ema);

        int start = 0;
        double best = -1;
        var rows = new List<EpochResult>();
        if (_resume is not null)
        {
            var info = Checkpoint.Load(files.Last, shadow);
            start = info.Epoch + 1;
            best = info.BestFitness;
            ema.Restore((long)start * nb / accumulate);
            if (File.Exists(files.Optimizer))
            {
                ((TorchSharp.Modules.OptimizerHelper)optimizer).load_state_dict(files.Optimizer);
            }

            rows.AddRange(PreviousRows(files, start));
            if (start >= _o.Epochs)
            {
                throw new InputException($"{files.Last}: the run already trained all {_o.Epochs} epochs; nothing to resume");
            }
        }
        else
        {
            files.WriteArgs(_o);
        }

        _progress.Message($"{_o.Model}: {model.ParameterCount:N0} parameters, nc {nc}, kpt_shape [{model.KptShape[0]}, {model.KptShape[1]}]; {train.Items.Count} training images ({train.Items.Count(i => i.Normalized.Count == 0)} background), {validator.Data.Images.Count} val; {kind} lr0 {lr0:G4}, batch {_o.Batch} × {accumulate} accumulated, imgsz {_o.ImageSize}, {device}; run folder {files.Folder}");
        int sinceStep = 0;
        for (int epoch = start; epoch < _o.Epochs; epoch++)
        {
            _progress.EpochStarted(epoch, _o.Epochs, nb);
            var clock = Stopwatch.StartNew();
            double box = 0, pose = 0, kobj = 0, cls = 0, dfl = 0;
            int b = 0;
            foreach (var batch in loader.Epoch(epoch, _o.Epochs, ct))
            {
                using (batch)
                using (var scope = NewDisposeScope())
                {
                    ct.ThrowIfCancellationRequested();
                    var (images, targets) = batch.ToTensors(device);
                    bool doStep = ++sinceStep >= accumulate || b == nb - 1;
                    var v = step.Run(images, targets, epoch, (epoch * nb) + b, nb, doStep);
                    if (doStep)
                    {
                        sinceStep = 0;
                    }

                    if (!double.IsFinite(v.Box + v.Pose + v.Kobj + v.Cls + v.Dfl))
                    {
                        throw new InvalidOperationException($"the loss became {v.Box + v.Pose + v.Kobj + v.Cls + v.Dfl} in epoch {epoch + 1}, batch {b + 1}; lower lr0");
                    }

                    (box, pose, kobj, cls, dfl) = (box + v.Box, pose + v.Pose, kobj + v.Kobj, cls + v.Cls, dfl + v.Dfl);
                }

                b++;
                _progress.BatchDone(b - 1, box / b, pose / b, kobj / b, cls / b, dfl / b, b / clock.Elapsed.TotalSeconds);
            }

            bool final = epoch == _o.Epochs - 1;
            ValMetrics? val = null;
            if (_o.Val || final)
            {
                _progress.Validating();
                val = validator.Run(ema.Model, device, ct);
            }

            var rates = optimizer.ParamGroups.Select(g => g.LearningRate).ToArray();
            var row = new EpochResult(epoch, clock.Elapsed.TotalSeconds, box / b, pose / b, kobj / b, cls / b, dfl / b, val, rates);
            rows.Add(row);
            bool isBest = val is not null && val.Fitness > best;
            best = isBest ? val!.Fitness : best;
            Checkpoint.Save(files.Last, ema.Model, epoch, best, train.Names);
            Checkpoint.Save(files.State, model, epoch, best, train.Names);
            ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(files.Optimizer);
            if (isBest || !File.Exists(files.Best))
            {
                File.Copy(files.Last, files.Best, overwrite: true);
            }

            ResultsCsv.Write(files.Csv, rows);
            ResultsPlot.Write(files.Plot, rows);
            _progress.EpochDone(row, isBest);
            if (step.SkippedSteps > 0)
            {
                _progress.Message($"{step.SkippedSteps} optimizer step(s) skipped so far: the gradient was not finite");
            }
        }

        return new TrainResult(files.Folder, files.Last, files.Best, best, rows);
    }

    private static TrainOptions Checked(TrainOptions o)
    {
        if (o.Epochs < 1 || o.Batch < 1 || o.Workers < 0 || o.ImageSize < 32 || o.ImageSize % 32 != 0)
        {
            throw new InputException(o.ImageSize % 32 != 0 || o.ImageSize < 32
                ? $"imgsz {o.ImageSize} must be a positive multiple of 32 (the largest stride)"
                : $"epochs ({o.Epochs}) and batch ({o.Batch}) must be at least 1 and workers ({o.Workers}) at least 0");
        }

        if (o.NominalBatch < 1)
        {
            throw new InputException($"nbs ({o.NominalBatch}) must be at least 1");
        }

        return o;
    }

    /// <summary>The model of the resumed run, with the raw (non-EMA) weights it was training.</summary>
    private PoseModel ResumedModel(RunFiles files, PoseDataset train)
    {
        var info = Checkpoint.ReadInfo(files.Last);
        if (!info.KptShape.SequenceEqual(train.KptShape) || info.Classes != train.Names.Count)
        {
            throw new InputException($"{files.Last}: the checkpoint's nc {info.Classes} and kpt_shape [{info.KptShape[0]}, {info.KptShape[1]}] differ from the data's nc {train.Names.Count} and kpt_shape [{train.Keypoints}, {train.Dims}] ({_o.Data})");
        }

        var spec = _o.Model.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) || _o.Model.EndsWith(".pt", StringComparison.OrdinalIgnoreCase)
            ? ModelYaml.Named(info.Model)
            : ModelYaml.Named(_o.Model);
        var model = PoseModel.Build(spec, train.Names.Count, train.KptShape, info.Fused);
        Checkpoint.Load(File.Exists(files.State) ? files.State : files.Last, model);
        return model;
    }

    /// <summary>Ultralytics' optimizer choice: 'auto' takes AdamW (lr 0.002·5/(4 + nc), momentum 0.9, no bias warm-up) for runs of at most 10,000 iterations, else SGD.</summary>
    private (OptimizerKind Kind, double Lr0, double Momentum, double WarmupBiasLr) ChooseOptimizer(int batchesPerEpoch, int nc)
    {
        switch (_o.Optimizer.ToLowerInvariant())
        {
            case "sgd":
                return (OptimizerKind.SGD, _o.Lr0, _o.Momentum, 0.1);
            case "adamw":
                return (OptimizerKind.AdamW, _o.Lr0, _o.Momentum, 0.1);
            case "auto":
                long iterations = (long)Math.Ceiling((double)batchesPerEpoch * _o.Batch / Math.Max(_o.Batch, _o.NominalBatch)) * _o.Epochs;
                return iterations > 10000
                    ? (OptimizerKind.SGD, 0.01, 0.9, 0.1)
                    : (OptimizerKind.AdamW, Math.Round(0.002 * 5 / (4 + nc), 6), 0.9, 0.0);
            default:
                throw new InputException($"optimizer '{_o.Optimizer}' is not SGD, AdamW or auto");
        }
    }

    private static IEnumerable<EpochResult> PreviousRows(RunFiles files, int epochs)
    {
        if (!File.Exists(files.Csv))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(files.Csv).Skip(1).Take(epochs))
        {
            var v = line.Split(',').Select(s => double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray();
            if (v.Length < 14)
            {
                continue;
            }

            var val = double.IsNaN(v[10]) ? null : new ValMetrics(v[10], v[9], v[8], v[7], 0, 0);
            yield return new EpochResult((int)v[0] - 1, v[1], v[2], v[3], v[4], v[5], v[6], val, v[11..]);
        }
    }
}
