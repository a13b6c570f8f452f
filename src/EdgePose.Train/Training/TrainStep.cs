using EdgePose.Train.Training.Optimizers;
using EdgePose.Train.Loss;
using EdgePose.Train.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgePose.Train.Training;

/// <summary>
/// One optimisation step: set the scheduled learning rates (weights and norm weights, biases) and momentum,
/// forward, loss, backward, then (unless gradients are still being accumulated) clip the gradient norm at 10,
/// step, clear the gradients, update the EMA. The optimizer's groups must be in <see cref="OptimizerFactory"/>'s order.
/// </summary>
public sealed class TrainStep(PoseModel model, PoseLoss loss, optim.Optimizer optimizer, LearningRate schedule, ModelEma? ema = null)
{
    public const double MaxGradNorm = 10.0;

    /// <summary>Optimizer steps skipped because the gradient was not finite.</summary>
    public int SkippedSteps { get; private set; }

    /// <param name="step">False accumulates this batch's gradient for a later step (Ultralytics' nominal batch size).</param>
    public PoseLossValue Run(Tensor images, PoseTargets targets, int epoch, int iteration, int batchesPerEpoch, bool step = true)
    {
        var (weights, biases, momentum) = schedule.At(epoch, iteration, batchesPerEpoch);
        var groups = optimizer.ParamGroups.ToArray();
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i].LearningRate = i == groups.Length - 1 ? biases : weights;
            switch (groups[i])
            {
                case SGD.ParamGroup sgd:
                    sgd.Options.momentum = momentum;
                    break;
                case AdamW.ParamGroup adamw:
                    adamw.Options.beta1 = momentum;
                    break;
            }
        }

        model.train();
        var value = loss.Compute(model.ForwardTrain(images), targets);
        value.Total.backward();
        if (step)
        {
            var norm = nn.utils.clip_grad_norm_(model.parameters(), MaxGradNorm);
            if (double.IsFinite(norm))
            {
                optimizer.step();
                ema?.Update(model);
            }
            else
            {
                // A non-finite gradient would put NaN into every weight: the step is skipped, as a gradient scaler does.
                SkippedSteps++;
            }

            optimizer.zero_grad();
        }

        return value;
    }
}
