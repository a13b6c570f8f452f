using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgePose.Train.Training.Optimizers;

/// <summary>
/// AdamW (decoupled weight decay, bias-corrected moments, as torch.optim.AdamW without amsgrad) whose step keeps
/// every Scalar it hands LibTorch alive until the step ends (<see cref="HeldScalars"/>). State and state files are
/// TorchSharp's <see cref="AdamW"/> ones, so checkpoints written before still load.
/// </summary>
public sealed class SafeAdamW(IEnumerable<AdamW.ParamGroup> groups, double lr) : AdamW(groups, lr)
{
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(Step, closure);

    private void Step(ParamGroup group)
    {
        var o = group.Options;
        double lr = o.LearningRate!.Value, beta1 = o.beta1!.Value, beta2 = o.beta2!.Value, decay = o.weight_decay!.Value, eps = o.eps!.Value;
        using var scalars = new HeldScalars();
        var keep = scalars.Of(1 - (lr * decay));
        var b1 = scalars.Of(beta1);
        var b2 = scalars.Of(beta2);
        var oneMinusB1 = scalars.Of(1 - beta1);
        var oneMinusB2 = scalars.Of(1 - beta2);
        var epsilon = scalars.Of(eps);
        // add_(Scalar) alone would make its alpha of 1 an implicit Scalar inside TorchSharp: pass it held too.
        var one = scalars.Of(1);
        foreach (var p in group.Parameters)
        {
            using var grad = p.grad;
            if (grad is null)
            {
                continue;
            }

            var state = (State)_state[p.Handle];
            state.step++;
            double c1 = 1 - Math.Pow(beta1, state.step), c2 = 1 - Math.Pow(beta2, state.step);
            using var stepScalars = new HeldScalars();
            p.mul_(keep);
            state.exp_avg.mul_(b1).add_(grad, oneMinusB1);
            state.exp_avg_sq.mul_(b2).addcmul_(grad, grad, oneMinusB2);
            using var root = state.exp_avg_sq.sqrt();
            using var denom = root.div_(stepScalars.Of(Math.Sqrt(c2))).add_(epsilon, one);
            p.addcdiv_(state.exp_avg, denom, stepScalars.Of(-lr / c1));
        }
    }
}
