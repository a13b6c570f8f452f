using EdgePose.Train.Export;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgePose.Train.Models.Modules;

/// <summary>
/// The standard YOLO convolution: Conv2d (no bias, "same" padding) → BatchNorm (eps 1e-3, momentum 0.03)
/// → SiLU. <c>act: false</c> leaves out the activation; <c>groups</c> gives the depthwise form (DWConv).
/// A fused model (an imported ONNX export, BatchNorm folded into the conv) is built inside
/// <see cref="FusedScope"/>: the conv has a bias and the norm is an identity.
/// </summary>
public sealed class Conv : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    [ThreadStatic]
    private static bool s_fused;

    private readonly Conv2d conv;
    private readonly nn.Module<Tensor, Tensor> bn;
    private readonly nn.Module<Tensor, Tensor> act;
    private readonly long stride;
    private readonly long groups;

    public Conv(long c1, long c2, long k = 1, long s = 1, long g = 1, bool act = true) : base(nameof(Conv))
    {
        Fused = s_fused;
        stride = s;
        groups = g;
        conv = nn.Conv2d(c1, c2, k, stride: s, padding: k / 2, groups: g, bias: Fused);
        bn = Fused ? nn.Identity() : nn.BatchNorm2d(c2, eps: 1e-3, momentum: 0.03);
        this.act = act ? nn.SiLU() : nn.Identity();
        RegisterComponents();
    }

    /// <summary>True when built fused: conv with bias, no BatchNorm.</summary>
    public bool Fused { get; }

    /// <summary>Every Conv constructed on this thread until the scope is disposed is fused.</summary>
    public static IDisposable FusedScope()
    {
        var previous = s_fused;
        s_fused = true;
        return new Restore(() => s_fused = previous);
    }

    public override Tensor forward(Tensor x) => act.call(bn.call(conv.call(x)));

    /// <summary>Depthwise convolution: groups = gcd(c1, c2).</summary>
    public static Conv Depthwise(long c1, long c2, long k = 1, long s = 1, bool act = true) => new(c1, c2, k, s, Gcd(c1, c2), act);

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    /// <summary>The conv with BatchNorm folded in (w·γ/√(var+ε), β − mean·γ/√(var+ε)), then Sigmoid·x for SiLU.</summary>
    public Traced Export(OnnxGraph g, Traced x)
    {
        var hint = g.PathOf(conv.weight, "conv");
        var weight = conv.weight!.detach();
        var bias = conv.bias?.detach();
        if (bn is BatchNorm2d norm)
        {
            var scale = norm.weight!.detach() / (norm.running_var! + 1e-3).sqrt();
            bias = norm.bias!.detach() - (norm.running_mean! * scale);
            weight = weight * scale.view(-1, 1, 1, 1);
        }

        var y = g.Conv(x, weight, bias, stride, groups, hint);
        return act is SiLU ? g.Silu(y, hint) : y;
    }
}
