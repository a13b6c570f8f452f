using EdgePose.Train.Export;
using static TorchSharp.torch;

namespace EdgePose.Train.Models.Modules;

/// <summary>Attention then a two-conv feed-forward (c → 2c → c), each with a residual.</summary>
public sealed class PSABlock : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Attention attn;
    private readonly nn.Module<Tensor, Tensor> ffn;

    public PSABlock(long c, double attnRatio = 0.5, long numHeads = 4) : base(nameof(PSABlock))
    {
        attn = new Attention(c, numHeads, attnRatio);
        ffn = nn.Sequential(new Conv(c, c * 2, 1), new Conv(c * 2, c, 1, act: false));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var y = x + attn.call(x);
        return y + ffn.call(y);
    }

    public Traced Export(OnnxGraph g, Traced x)
    {
        var y = g.Add(x, attn.Export(g, x), "psa");
        return g.Add(y, g.Module(ffn, y, "psa.ffn"), "psa");
    }
}
