using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgePose.Train.Models.Modules;

/// <summary>
/// The standard YOLO convolution: Conv2d (no bias, "same" padding) → BatchNorm (eps 1e-3, momentum 0.03)
/// → SiLU. <c>act: false</c> leaves out the activation; <c>groups</c> gives the depthwise form (DWConv).
/// An imported ONNX model (BatchNorm folded into the conv) turns on the conv bias and makes the norm an
/// identity (<see cref="FoldNormIntoBias"/>).
/// </summary>
public sealed class Conv : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private nn.Module<Tensor, Tensor> bn;
    private readonly nn.Module<Tensor, Tensor> act;

    public Conv(long c1, long c2, long k = 1, long s = 1, long g = 1, bool act = true) : base(nameof(Conv))
    {
        conv = nn.Conv2d(c1, c2, k, stride: s, padding: k / 2, groups: g, bias: false);
        bn = nn.BatchNorm2d(c2, eps: 1e-3, momentum: 0.03);
        this.act = act ? nn.SiLU() : nn.Identity();
        RegisterComponents();
    }

    public Conv2d Conv2d => conv;

    public BatchNorm2d? Norm => bn as BatchNorm2d;

    /// <summary>Replaces the norm by an identity and gives the conv a (zero) bias, the layout of a fused model.</summary>
    public void FoldNormIntoBias()
    {
        using var noGrad = torch.no_grad();
        conv.bias = new Parameter(torch.zeros(conv.weight!.shape[0]));
        bn = nn.Identity();
        register_module("bn", bn);
    }

    public override Tensor forward(Tensor x) => act.forward(bn.forward(conv.forward(x)));

    /// <summary>Depthwise convolution: groups = gcd(c1, c2).</summary>
    public static Conv Depthwise(long c1, long c2, long k = 1, long s = 1, bool act = true) => new(c1, c2, k, s, Gcd(c1, c2), act);

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
