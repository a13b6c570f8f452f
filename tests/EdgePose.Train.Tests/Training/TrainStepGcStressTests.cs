using EdgePose.Train.Loss;
using EdgePose.Train.Models;
using EdgePose.Train.Training;
using EdgePose.Train.Training.Optimizers;
using static TorchSharp.torch;

namespace EdgePose.Train.Tests.Training;

public sealed class TrainStepGcStressTests
{
    [Fact]
    public async Task Training_steps_survive_garbage_collections_running_on_another_thread()
    {
        TorchSharp.torch.manual_seed(5);
        var spec = ModelYaml.Named("yolov8n-pose");
        using var model = PoseModel.Build(spec, 1, [3, 3]);
        using var shadow = PoseModel.Build(spec, 1, [3, 3]);
        var ema = new ModelEma(shadow);
        ema.CopyFrom(model);
        using var opt = OptimizerFactory.Create(ParameterGroups.Of(model), OptimizerKind.AdamW, lr: 0.002);
        var step = new TrainStep(model, new PoseLoss(model), opt, new LearningRate(Lr0: 0.002, Epochs: 10), ema);
        var (images, targets) = TrainStepTests.SyntheticBatch();
        using var stop = new CancellationTokenSource();
        var collector = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });
        try
        {
            for (var i = 0; i < 12; i++)
            {
                using var scope = NewDisposeScope();
                step.Run(images, targets, 0, i, 12);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await collector;
        }

        Assert.Equal(0, step.SkippedSteps);
    }
}
