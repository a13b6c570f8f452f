using EdgePose.Train.Export;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgePose.Train.Models.Modules;

/// <summary>
/// The YOLO pose head on the P3/P4/P5 features: per level a box branch (cv2: 4·regMax DFL logits), a class
/// branch (cv3: nc logits; depthwise-separable in YOLO11, plain 3×3 convs in YOLOv8) and a keypoint branch
/// (cv4: K·dims raw values). Training gives the raw maps (<see cref="PoseHeadOutput"/>); inference gives
/// Ultralytics' export layout [B, 4 + nc + K·dims, A]: box centre x, y, width, height in input pixels,
/// sigmoided class scores, then per keypoint x, y in pixels (and a sigmoided visibility when dims is 3).
/// </summary>
public sealed class PoseHead : nn.Module<Tensor[], Tensor>
{
    public const long RegMax = 16;

    private readonly ModuleList<nn.Module<Tensor, Tensor>> cv2;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> cv3;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> cv4;
    private readonly DFL dfl;

    public PoseHead(int nc, int keypoints, int dims, IReadOnlyList<long> channels, IReadOnlyList<double> strides, bool depthwiseClassBranch)
        : base(nameof(PoseHead))
    {
        if (dims is not (2 or 3))
        {
            throw new ArgumentException($"keypoint dims must be 2 or 3, got {dims}");
        }

        Classes = nc;
        Keypoints = keypoints;
        Dims = dims;
        Strides = strides.ToArray();
        long nk = keypoints * dims;
        long c2 = Math.Max(Math.Max(16, channels[0] / 4), RegMax * 4);
        long c3 = Math.Max(channels[0], Math.Min(nc, 100));
        long c4 = Math.Max(channels[0] / 4, nk);
        cv2 = new ModuleList<nn.Module<Tensor, Tensor>>(channels.Select(x => Branch(new Conv(x, c2, 3), new Conv(c2, c2, 3), nn.Conv2d(c2, 4 * RegMax, 1))).ToArray());
        cv3 = new ModuleList<nn.Module<Tensor, Tensor>>(channels.Select(x => depthwiseClassBranch
            ? Branch(nn.Sequential(Conv.Depthwise(x, x, 3), new Conv(x, c3, 1)), nn.Sequential(Conv.Depthwise(c3, c3, 3), new Conv(c3, c3, 1)), nn.Conv2d(c3, nc, 1))
            : Branch(new Conv(x, c3, 3), new Conv(c3, c3, 3), nn.Conv2d(c3, nc, 1))).ToArray());
        cv4 = new ModuleList<nn.Module<Tensor, Tensor>>(channels.Select(x => Branch(new Conv(x, c4, 3), new Conv(c4, c4, 3), nn.Conv2d(c4, nk, 1))).ToArray());
        dfl = new DFL(RegMax);
        RegisterComponents();
        InitBiases();
    }

    public int Classes { get; }

    public int Keypoints { get; }

    public int Dims { get; }

    /// <summary>Pixels per grid cell of each level (8, 16, 32 for P3, P4, P5).</summary>
    public double[] Strides { get; }

    /// <summary>Channels of one anchor's box and class outputs: 4·regMax + nc.</summary>
    public long Outputs => (4 * RegMax) + Classes;

    public ModuleList<nn.Module<Tensor, Tensor>> BoxBranches => cv2;

    public ModuleList<nn.Module<Tensor, Tensor>> ClassBranches => cv3;

    public ModuleList<nn.Module<Tensor, Tensor>> KeypointBranches => cv4;

    /// <summary>Training form: per level [B, 4·regMax + nc, H, W] and the keypoints [B, K·dims, A].</summary>
    public PoseHeadOutput ForwardTrain(Tensor[] x)
    {
        var bs = x[0].shape[0];
        var kpt = cat(x.Select((xi, i) => cv4[i].call(xi).view(bs, Keypoints * Dims, -1)).ToArray(), -1);
        var feats = x.Select((xi, i) => cat([cv2[i].call(xi), cv3[i].call(xi)], 1)).ToArray();
        return new PoseHeadOutput(feats, kpt);
    }

    /// <summary>Inference form: [B, 4 + nc + K·dims, A] in input pixels (Ultralytics' export layout).</summary>
    public override Tensor forward(Tensor[] x)
    {
        var (feats, kpt) = ForwardTrain(x);
        var bs = feats[0].shape[0];
        var (anchors, strides) = Anchors.Make(feats, Strides);
        var all = cat(feats.Select(f => f.view(bs, Outputs, -1)).ToArray(), 2);
        var parts = all.split([4 * RegMax, Classes], 1);
        var box = Anchors.DistToBox(dfl.call(parts[0]), anchors.T.unsqueeze(0), xywh: true, dim: 1) * strides.T;
        var y = kpt.view(bs, Keypoints, Dims, -1);
        var xy = ((y[.., .., ..2] * 2.0) + (anchors.T - 0.5)) * strides.T;
        var k = Dims == 3 ? cat([xy, y[.., .., 2..3].sigmoid()], 2) : xy;
        return cat([box, parts[1].sigmoid(), k.view(bs, Keypoints * Dims, -1)], 1);
    }

    /// <summary>
    /// The inference form as ONNX: per level the three branches, flattened and joined over the anchors; the DFL
    /// expectation (Softmax over the bins, then the fixed 1×1 conv); boxes decoded against the anchor constants
    /// to centre and size in pixels; class scores and keypoint visibilities through Sigmoid. [B, 4 + nc + K·dims, A].
    /// </summary>
    public string Export(OnnxGraph g, Traced[] x)
    {
        const string hint = "head";
        var levels = new List<string>();
        var kpts = new List<string>();
        for (var i = 0; i < x.Length; i++)
        {
            var box = g.Module(cv2[i], x[i], $"model.cv2.{i}");
            var cls = g.Module(cv3[i], x[i], $"model.cv3.{i}");
            levels.Add(g.Reshape(g.Concat([box, cls], hint).Name, hint, 0, Outputs, -1));
            kpts.Add(g.Reshape(g.Module(cv4[i], x[i], $"model.cv4.{i}").Name, hint, 0, Keypoints * Dims, -1));
        }

        var all = g.Op("Concat", levels.ToArray(), hint, OnnxGraph.Int("axis", 2));
        var kpt = g.Op("Concat", kpts.ToArray(), hint, OnnxGraph.Int("axis", 2));
        var parts = g.Ops("Split", [all, g.Longs(hint + "/split", 4 * RegMax, Classes)], 2, hint, OnnxGraph.Int("axis", 1));

        // Anchor centres [2, A] and strides [1, A] of these feature sizes, as constants.
        var (anchors, strides) = Anchors.Make(x.Select(t => zeros(1, 1, t.H, t.W)).ToArray(), Strides);
        long a = anchors.shape[0];
        var anchorsT = g.Weight(hint + "/anchors", anchors.T.contiguous());
        var stridesT = g.Weight(hint + "/strides", strides.T.contiguous());

        var bins = g.Reshape(parts[0], hint + "/dfl", 0, 4, RegMax, -1);
        var soft = g.Op("Softmax", [g.Op("Transpose", [bins], hint + "/dfl", OnnxGraph.Ints("perm", 0, 2, 1, 3))], hint + "/dfl", OnnxGraph.Int("axis", 1));
        var dist = g.Reshape(g.Conv(new Traced(soft, RegMax, 4, a), dfl.Weight, null, 1, 1, "model.dfl.conv").Name, hint + "/dfl", 0, 4, -1);
        var ltrb = g.Ops("Split", [dist, g.Longs(hint + "/ltrb", 2, 2)], 2, hint, OnnxGraph.Int("axis", 1));
        var x1y1 = g.Op("Sub", [anchorsT, ltrb[0]], hint);
        var x2y2 = g.Op("Add", [anchorsT, ltrb[1]], hint);
        var centre = g.Op("Div", [g.Op("Add", [x1y1, x2y2], hint), g.Scalar(hint + "/two", 2f)], hint);
        var size = g.Op("Sub", [x2y2, x1y1], hint);
        var boxes = g.Op("Mul", [g.Op("Concat", [centre, size], hint, OnnxGraph.Int("axis", 1)), stridesT], hint);
        var scores = g.Op("Sigmoid", [parts[1]], hint);

        var k4 = g.Reshape(kpt, hint + "/kpt", 0, Keypoints, Dims, -1);
        string Slice(string t, long from, long to) => g.Op("Slice", [t, g.Longs(hint + "/kpt/starts", from), g.Longs(hint + "/kpt/ends", to), g.Longs(hint + "/kpt/axes", 2)], hint + "/kpt");
        var offset = g.Weight(hint + "/kpt/anchors", anchors.T.contiguous() - 0.5);
        var xy = g.Op("Mul", [g.Op("Add", [g.Op("Mul", [Slice(k4, 0, 2), g.Scalar(hint + "/kpt/two", 2f)], hint + "/kpt"), offset], hint + "/kpt"), stridesT], hint + "/kpt");
        var k = Dims == 3 ? g.Op("Concat", [xy, g.Op("Sigmoid", [Slice(k4, 2, 3)], hint + "/kpt")], hint + "/kpt", OnnxGraph.Int("axis", 2)) : xy;
        var flat = g.Reshape(k, hint + "/kpt", 0, Keypoints * Dims, -1);
        return g.Op("Concat", [boxes, scores, flat], hint, OnnxGraph.Int("axis", 1));
    }

    private static nn.Module<Tensor, Tensor> Branch(nn.Module<Tensor, Tensor> a, nn.Module<Tensor, Tensor> b, nn.Module<Tensor, Tensor> c) => nn.Sequential(a, b, c);

    /// <summary>Box biases 1; class biases so that an anchor starts near 5 objects per 640² image.</summary>
    private void InitBiases()
    {
        using var noGrad = torch.no_grad();
        for (var i = 0; i < Strides.Length; i++)
        {
            ((Conv2d)((Sequential)cv2[i]).children().Last()).bias!.fill_(1.0);
            var cls = (Conv2d)((Sequential)cv3[i]).children().Last();
            cls.bias!.fill_(Math.Log(5.0 / Classes / Math.Pow(640.0 / Strides[i], 2)));
        }
    }
}

/// <summary>The pose head's training outputs: per level [B, 4·regMax + nc, H, W], and keypoints [B, K·dims, A].</summary>
public sealed record PoseHeadOutput(Tensor[] Feats, Tensor Keypoints);
