using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgePose.Train.Models.Modules;

/// <summary>
/// Distribution focal loss integral: each box side is predicted as a distribution over regMax bins; the
/// side length is its expectation (a fixed 1×1 conv with weights 0..regMax-1, not trained).
/// </summary>
public sealed class DFL : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly long bins;

    public DFL(long regMax = 16) : base(nameof(DFL))
    {
        bins = regMax;
        conv = nn.Conv2d(regMax, 1, 1, bias: false);
        using (torch.no_grad())
        {
            conv.weight!.copy_(torch.arange(regMax, dtype: ScalarType.Float32).view(1, regMax, 1, 1));
        }

        conv.weight!.requires_grad = false;
        RegisterComponents();
    }

    /// <summary>The fixed weights 0..regMax-1 [1, regMax, 1, 1].</summary>
    public Tensor Weight => conv.weight!;

    /// <summary>[B, 4·regMax, A] logits → [B, 4, A] distances in grid units.</summary>
    public override Tensor forward(Tensor x)
    {
        long b = x.shape[0], a = x.shape[2];
        return conv.call(x.view(b, 4, bins, a).transpose(2, 1).softmax(1)).view(b, 4, a);
    }
}
