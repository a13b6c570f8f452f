using EdgePose.Train.Models;
using EdgePose.Train.Training.Optimizers;
using static TorchSharp.torch;

namespace EdgePose.Train.Training;

/// <summary>
/// Exponential moving average of a model's weights and BatchNorm statistics, as Ultralytics keeps it:
/// after each optimizer step, ema = d·ema + (1 − d)·model with d = decay·(1 − e^(−updates/tau)), so the
/// average follows the model closely at first and slowly later (decay 0.9999, tau 2000). Validation and
/// checkpoints use the average.
/// </summary>
public sealed class ModelEma(PoseModel shadow, double decay = 0.9999, double tau = 2000)
{
    public PoseModel Model { get; } = shadow;

    public long Updates { get; private set; }

    /// <summary>The decay of the next update.</summary>
    public double NextDecay => decay * (1 - Math.Exp(-(Updates + 1) / tau));

    /// <summary>Copies the model into the average (the start), without counting an update.</summary>
    public void CopyFrom(PoseModel model) => Blend(model, 0);

    /// <summary>Continues a resumed run: the average counts <paramref name="updates"/> updates so far.</summary>
    public void Restore(long updates) => Updates = updates;

    public void Update(PoseModel model)
    {
        var d = NextDecay;
        Updates++;
        Blend(model, d);
    }

    private void Blend(PoseModel model, double d)
    {
        using var noGrad = no_grad();
        using var scalars = new HeldScalars();
        var keep = scalars.Of(d);
        var take = scalars.Of(1 - d);
        var source = model.state_dict();
        foreach (var (name, target) in Model.state_dict())
        {
            if (!target.is_floating_point())
            {
                target.copy_(source[name]);
                continue;
            }

            using var detached = source[name].detach();
            target.mul_(keep).add_(detached, take);
        }
    }
}
