using EdgePose.Train.Export;
using static TorchSharp.torch;

namespace EdgePose.Train.Models.Modules;

/// <summary>
/// CSP block with three convolutions (C3) whose n bottlenecks use k×k kernels: cv1 and cv2 each take
/// c2·e channels, the bottlenecks run on cv1's, cv3 fuses both. The inner block of C3k2 when c3k is set.
/// </summary>
public sealed class C3k : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Conv cv1;
    private readonly Conv cv2;
    private readonly Conv cv3;
    private readonly nn.Module<Tensor, Tensor> m;

    public C3k(long c1, long c2, int n = 1, bool shortcut = true, long g = 1, double e = 0.5, long k = 3) : base(nameof(C3k))
    {
        var c = (long)(c2 * e);
        cv1 = new Conv(c1, c, 1);
        cv2 = new Conv(c1, c, 1);
        cv3 = new Conv(2 * c, c2, 1);
        m = nn.Sequential(Enumerable.Range(0, n).Select(_ => (nn.Module<Tensor, Tensor>)new Bottleneck(c, c, shortcut, g, k, k, 1.0)).ToArray());
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => cv3.call(cat([m.call(cv1.call(x)), cv2.call(x)], 1));

    public Traced Export(OnnxGraph g, Traced x) => cv3.Export(g, g.Concat([g.Module(m, cv1.Export(g, x), "c3k.m"), cv2.Export(g, x)], "c3k"));
}
