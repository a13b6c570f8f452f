using EdgePose.Train.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgePose.Train.Models.Modules;

/// <summary>
/// CSP block with two halves (YOLOv8): cv1 splits into two halves of c2·e channels, n inner blocks run on
/// the second half one after another, and cv2 fuses all the intermediate results. C3k2 (YOLO11) is the
/// same block with other inner blocks, see <see cref="C3k2"/>.
/// </summary>
public class C2f : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Conv cv1;
    private readonly Conv cv2;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> m;

    public C2f(long c1, long c2, int n = 1, bool shortcut = false, double e = 0.5)
        : this(c1, c2, n, e, c => new Bottleneck(c, c, shortcut, k1: 3, k2: 3, e: 1.0), nameof(C2f))
    {
    }

    protected C2f(long c1, long c2, int n, double e, Func<long, nn.Module<Tensor, Tensor>> inner, string name) : base(name)
    {
        var c = (long)(c2 * e);
        cv1 = new Conv(c1, 2 * c, 1);
        cv2 = new Conv((2 + n) * c, c2, 1);
        m = new ModuleList<nn.Module<Tensor, Tensor>>(Enumerable.Range(0, n).Select(_ => inner(c)).ToArray());
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var y = new List<Tensor>(cv1.call(x).chunk(2, 1));
        foreach (var block in m)
        {
            y.Add(block.call(y[^1]));
        }

        return cv2.call(cat(y, 1));
    }

    public virtual Traced Export(OnnxGraph g, Traced x)
    {
        var a = cv1.Export(g, x);
        var y = new List<Traced>(g.Split(a, [a.C / 2, a.C / 2], g.PathOf(null, "c2f")));
        foreach (var block in m)
        {
            y.Add(g.Module(block, y[^1], "m"));
        }

        return cv2.Export(g, g.Concat(y, "c2f"));
    }
}
