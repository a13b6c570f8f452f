using EdgePose.Train.Export;
using static TorchSharp.torch;

namespace EdgePose.Train.Models.Modules;

/// <summary>
/// YOLO11's attention stage: cv1 splits the input in two halves of c1·e channels, n PSA blocks (c/64
/// heads) run on the second half, cv2 fuses both halves back to c1 channels (c1 must equal c2).
/// </summary>
public sealed class C2PSA : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Conv cv1;
    private readonly Conv cv2;
    private readonly nn.Module<Tensor, Tensor> m;
    private readonly long c;

    public C2PSA(long c1, long c2, int n = 1, double e = 0.5) : base(nameof(C2PSA))
    {
        if (c1 != c2)
        {
            throw new ArgumentException($"C2PSA needs equal input and output channels, got {c1} and {c2}");
        }

        c = (long)(c1 * e);
        cv1 = new Conv(c1, 2 * c, 1);
        cv2 = new Conv(2 * c, c1, 1);
        m = nn.Sequential(Enumerable.Range(0, n).Select(_ => (nn.Module<Tensor, Tensor>)new PSABlock(c, 0.5, c / 64)).ToArray());
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var ab = cv1.call(x).split([c, c], 1);
        return cv2.call(cat([ab[0], m.call(ab[1])], 1));
    }

    public Traced Export(OnnxGraph g, Traced x)
    {
        var ab = g.Split(cv1.Export(g, x), [c, c], "c2psa");
        return cv2.Export(g, g.Concat([ab[0], g.Module(m, ab[1], "c2psa.m")], "c2psa"));
    }
}
