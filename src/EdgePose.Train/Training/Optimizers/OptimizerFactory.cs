using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgePose.Train.Training.Optimizers;

/// <summary>The optimizers the trainer offers (Ultralytics' optimizer argument).</summary>
public enum OptimizerKind
{
    SGD,
    AdamW,
}

/// <summary>
/// Builds the optimizer over <see cref="ParameterGroups"/> as Ultralytics does: weight decay only on the conv
/// weights; SGD with Nesterov momentum, or AdamW with betas (momentum, 0.999). Group order: weights, norm
/// weights, biases (the warm-up gives biases their own learning rate).
/// </summary>
public static class OptimizerFactory
{
    public static optim.Optimizer Create(ParameterGroups groups, OptimizerKind kind, double lr, double momentum = 0.937, double weightDecay = 0.0005)
    {
        return kind switch
        {
            OptimizerKind.AdamW => new SafeAdamW(
                [
                    new AdamW.ParamGroup(groups.Decay, new AdamW.Options { LearningRate = lr, beta1 = momentum, beta2 = 0.999, weight_decay = weightDecay }),
                    new AdamW.ParamGroup(groups.NormWeights, new AdamW.Options { LearningRate = lr, beta1 = momentum, beta2 = 0.999, weight_decay = 0 }),
                    new AdamW.ParamGroup(groups.Biases, new AdamW.Options { LearningRate = lr, beta1 = momentum, beta2 = 0.999, weight_decay = 0 }),
                ],
                lr),
            _ => new SafeSgd(
                [
                    new SGD.ParamGroup(groups.Decay, new SGD.Options { LearningRate = lr, momentum = momentum, nesterov = true, weight_decay = weightDecay }),
                    new SGD.ParamGroup(groups.NormWeights, new SGD.Options { LearningRate = lr, momentum = momentum, nesterov = true, weight_decay = 0 }),
                    new SGD.ParamGroup(groups.Biases, new SGD.Options { LearningRate = lr, momentum = momentum, nesterov = true, weight_decay = 0 }),
                ],
                lr,
                momentum,
                nesterov: true),
        };
    }
}
