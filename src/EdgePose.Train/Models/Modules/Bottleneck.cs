using EdgePose.Train.Export;
using static TorchSharp.torch;

namespace EdgePose.Train.Models.Modules;

/// <summary>Two convolutions (kernels k1, k2; hidden width c2·e) with a residual when shortcut and c1 == c2.</summary>
public sealed class Bottleneck : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Conv cv1;
    private readonly Conv cv2;
    private readonly bool add;

    public Bottleneck(long c1, long c2, bool shortcut = true, long g = 1, long k1 = 3, long k2 = 3, double e = 0.5) : base(nameof(Bottleneck))
    {
        var c = (long)(c2 * e);
        cv1 = new Conv(c1, c, k1);
        cv2 = new Conv(c, c2, k2, g: g);
        add = shortcut && c1 == c2;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => add ? x + cv2.call(cv1.call(x)) : cv2.call(cv1.call(x));

    public Traced Export(OnnxGraph g, Traced x)
    {
        var y = cv2.Export(g, cv1.Export(g, x));
        return add ? g.Add(x, y, "bottleneck") : y;
    }
}
