using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgePose.Train.Training.Optimizers;

/// <summary>
/// SGD with momentum, optional Nesterov and L2 weight decay added to the gradient (torch.optim.SGD without
/// dampening), whose step keeps every Scalar it hands LibTorch alive until the step ends (<see cref="HeldScalars"/>).
/// State and state files are TorchSharp's <see cref="SGD"/> ones.
/// </summary>
public sealed class SafeSgd(IEnumerable<SGD.ParamGroup> groups, double lr, double momentum, bool nesterov)
    : SGD(groups, lr, momentum, nesterov: nesterov)
{
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(Step, closure);

    private void Step(ParamGroup group)
    {
        var o = group.Options;
        double lr = o.LearningRate!.Value, m = o.momentum!.Value, decay = o.weight_decay!.Value;
        if (o.dampening is { } d && d != 0)
        {
            throw new NotSupportedException("SafeSgd has no dampening");
        }

        using var scalars = new HeldScalars();
        var wd = scalars.Of(decay);
        var mom = scalars.Of(m);
        var one = scalars.Of(1);
        var step = scalars.Of(-lr);
        foreach (var p in group.Parameters)
        {
            using var raw = p.grad;
            if (raw is null)
            {
                continue;
            }

            using var grad = decay != 0 ? raw.add(p, wd) : raw.alias();
            var update = grad;
            Tensor? nesterovUpdate = null;
            if (m != 0)
            {
                var state = (State)_state[p.Handle];
                if (state.momentum_buffer is null)
                {
                    state.momentum_buffer = grad.detach().clone().DetachFromDisposeScope();
                }
                else
                {
                    state.momentum_buffer.mul_(mom).add_(grad, one);
                }

                update = o.nesterov == true ? nesterovUpdate = grad.add(state.momentum_buffer, mom) : state.momentum_buffer;
            }

            p.add_(update, step);
            nesterovUpdate?.Dispose();
        }
    }
}
