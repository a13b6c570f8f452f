using TorchSharp;

namespace EdgePose.Train.Training.Optimizers;

/// <summary>
/// The numbers one optimizer step passes to LibTorch, made into <see cref="Scalar"/>s that stay alive until the step
/// ends. TorchSharp's implicit double → Scalar conversion makes a temporary that only a finalizer frees; when a
/// garbage collection runs (on any thread) while LibTorch is still reading it, LibTorch reads freed memory and
/// fails with "Expected false to be true" from c10's Scalar::toFloat. Holding each Scalar here, and disposing them
/// together afterwards, closes that window. Every Scalar argument must be passed, defaults included: TorchSharp's
/// <c>add_(Scalar)</c>, for one, makes its alpha of 1 as an implicit Scalar. TorchSharp's own modules still do it
/// (BatchNorm's <c>num_batches_tracked.add_(1)</c> in training, operators such as <c>tensor * 2.0</c>): a step under
/// collections running back to back can still fail there, far more rarely than in the optimizer, which made most of them.
/// </summary>
internal sealed class HeldScalars : IDisposable
{
    private readonly List<Scalar> _held = new(8);

    public Scalar Of(double value)
    {
        var s = value.ToScalar();
        _held.Add(s);
        return s;
    }

    public void Dispose()
    {
        foreach (var s in _held)
        {
            s.Dispose();
        }

        _held.Clear();
    }
}
