using EdgePose.Train.Export;
using static TorchSharp.torch;

namespace EdgePose.Train.Models.Modules;

/// <summary>Spatial pyramid pooling, fast: cv1 halves the channels, three chained k×k max-pools, cv2 fuses the four.</summary>
public sealed class SPPF : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Conv cv1;
    private readonly Conv cv2;
    private readonly nn.Module<Tensor, Tensor> m;
    private readonly long k;

    public SPPF(long c1, long c2, long k = 5) : base(nameof(SPPF))
    {
        this.k = k;
        var c = c1 / 2;
        cv1 = new Conv(c1, c, 1);
        cv2 = new Conv(c * 4, c2, 1);
        m = nn.MaxPool2d(k, stride: 1, padding: k / 2);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var y0 = cv1.call(x);
        var y1 = m.call(y0);
        var y2 = m.call(y1);
        return cv2.call(cat([y0, y1, y2, m.call(y2)], 1));
    }

    public Traced Export(OnnxGraph g, Traced x)
    {
        var y0 = cv1.Export(g, x);
        Traced Pool(Traced t) => t with { Name = g.Op("MaxPool", [t.Name], "sppf", OnnxGraph.Ints("kernel_shape", k, k), OnnxGraph.Ints("pads", k / 2, k / 2, k / 2, k / 2), OnnxGraph.Ints("strides", 1, 1)) };
        var y1 = Pool(y0);
        var y2 = Pool(y1);
        return cv2.Export(g, g.Concat([y0, y1, y2, Pool(y2)], "sppf"));
    }
}
