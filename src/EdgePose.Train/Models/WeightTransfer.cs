using static TorchSharp.torch;

namespace EdgePose.Train.Models;

/// <summary>
/// Copies pretrained weights into a model built for another data set: every parameter and buffer whose name
/// and shape agree is copied, the rest keep their fresh initialisation. Fine-tuning a COCO model to another
/// keypoint count thus re-initialises only the keypoint branch's last convolutions (and the class branch's
/// when nc differs). Ultralytics reports the same as "Transferred a/b items from pretrained weights".
/// </summary>
public static class WeightTransfer
{
    /// <summary>Returns (copied, total): how many of the target's tensors came from the source.</summary>
    public static (int Copied, int Total) Copy(PoseModel source, PoseModel target)
    {
        var from = source.state_dict();
        var to = target.state_dict();
        var copied = 0;
        using var noGrad = no_grad();
        foreach (var (name, t) in to)
        {
            if (from.TryGetValue(name, out var s) && s.shape.SequenceEqual(t.shape))
            {
                t.copy_(s);
                copied++;
            }
        }

        return (copied, to.Count);
    }
}
