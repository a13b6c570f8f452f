using EdgePose.Train.Export;
using static TorchSharp.torch;

namespace EdgePose.Train.Models.Modules;

/// <summary>
/// Multi-head self-attention over the H·W positions (YOLO11's PSA): one 1×1 conv makes queries and keys
/// (key_dim = head_dim · attn_ratio each) and values (head_dim) per head; a depthwise 3×3 conv on the
/// values adds a positional term; proj mixes the heads.
/// </summary>
public sealed class Attention : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Conv qkv;
    private readonly Conv proj;
    private readonly Conv pe;
    private readonly long heads;
    private readonly long headDim;
    private readonly long keyDim;
    private readonly double scale;

    public Attention(long dim, long numHeads = 8, double attnRatio = 0.5) : base(nameof(Attention))
    {
        heads = numHeads;
        headDim = dim / numHeads;
        keyDim = (long)(headDim * attnRatio);
        scale = Math.Pow(keyDim, -0.5);
        qkv = new Conv(dim, dim + (2 * keyDim * numHeads), 1, act: false);
        proj = new Conv(dim, dim, 1, act: false);
        pe = new Conv(dim, dim, 3, g: dim, act: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        long b = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
        var parts = qkv.call(x).view(b, heads, (keyDim * 2) + headDim, h * w).split([keyDim, keyDim, headDim], 2);
        var (q, k, v) = (parts[0], parts[1], parts[2]);
        var attn = (q.transpose(-2, -1).matmul(k) * scale).softmax(-1);
        var y = v.matmul(attn.transpose(-2, -1)).view(b, c, h, w) + pe.call(v.reshape(b, c, h, w));
        return proj.call(y);
    }

    /// <summary>The attention over H·W positions with Reshape/Split/MatMul/Softmax; the batch dimension stays as the input's (0 in Reshape).</summary>
    public Traced Export(OnnxGraph g, Traced x)
    {
        const string hint = "attn";
        long hw = x.H * x.W;
        var qkvOut = qkv.Export(g, x);
        var heads4 = g.Reshape(qkvOut.Name, hint, 0, heads, (keyDim * 2) + headDim, hw);
        var parts = g.Ops("Split", [heads4, g.Longs(hint + "/split", keyDim, keyDim, headDim)], 3, hint, OnnxGraph.Int("axis", 2));
        var qT = g.Op("Transpose", [parts[0]], hint, OnnxGraph.Ints("perm", 0, 1, 3, 2));
        var scores = g.Op("Mul", [g.Op("MatMul", [qT, parts[1]], hint), g.Scalar(hint + "/scale", (float)scale)], hint);
        var attn = g.Op("Softmax", [scores], hint, OnnxGraph.Int("axis", -1));
        var attnT = g.Op("Transpose", [attn], hint, OnnxGraph.Ints("perm", 0, 1, 3, 2));
        var y = g.Reshape(g.Op("MatMul", [parts[2], attnT], hint), hint, 0, x.C, x.H, x.W);
        var v = new Traced(g.Reshape(parts[2], hint, 0, x.C, x.H, x.W), x.C, x.H, x.W);
        var sum = g.Add(x with { Name = y }, pe.Export(g, v), hint);
        return proj.Export(g, sum);
    }
}
