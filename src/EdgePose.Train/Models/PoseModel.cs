using EdgePose.Train.Export;
using EdgePose.Train.Models.Modules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgePose.Train.Models;

/// <summary>
/// A YOLO pose model built from a <see cref="ModelYaml"/>: the layers run in order, each on the outputs
/// its 'from' names; the last is the <see cref="PoseHead"/>. <see cref="nn.Module{T, TResult}.forward"/>
/// gives the export layout [B, 4 + nc + K·dims, A]; <see cref="ForwardTrain"/> the raw head maps.
/// </summary>
public sealed class PoseModel : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<nn.Module> model;
    private readonly int[][] froms;
    private readonly bool[] saved;

    private PoseModel(ModelYaml spec, List<nn.Module> layers, int[][] froms, IReadOnlyList<LayerInfo> infos) : base(nameof(PoseModel))
    {
        Spec = spec;
        model = new ModuleList<nn.Module>(layers.ToArray());
        this.froms = froms;
        saved = new bool[layers.Count];
        foreach (var f in froms.SelectMany(f => f).Where(f => f >= 0))
        {
            saved[f] = true;
        }

        Layers = infos;
        RegisterComponents();
    }

    public ModelYaml Spec { get; }

    public IReadOnlyList<LayerInfo> Layers { get; }

    public PoseHead Head => (PoseHead)model[^1];

    public int Classes => Head.Classes;

    public int[] KptShape => [Head.Keypoints, Head.Dims];

    /// <summary>True for a model without BatchNorm whose convs carry biases (an imported export).</summary>
    public bool Fused => named_parameters().Any(p => p.name == "model.0.conv.bias");

    /// <summary>All parameters, trained or not (Ultralytics' "parameters").</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>The parameters that train (Ultralytics' "gradients"): all but the DFL's fixed weights.</summary>
    public long GradientCount => parameters().Where(p => p.requires_grad).Sum(p => p.numel());

    /// <summary>
    /// Builds the model for nc classes and keypoints of kptShape [K, dims] (the data set's, replacing the
    /// yaml's). fused: every Conv without BatchNorm and with a conv bias (the layout of an ONNX export).
    /// </summary>
    public static PoseModel Build(ModelYaml spec, int? classes = null, int[]? kptShape = null, bool fused = false)
    {
        using var scope = fused ? Conv.FusedScope() : null;
        return ModelBuilder.Build(spec, classes ?? spec.Classes, kptShape ?? spec.KptShape, (s, l, f, i) => new PoseModel(s, l, f, i));
    }

    public PoseHeadOutput ForwardTrain(Tensor x) => Head.ForwardTrain(RunToHead(x));

    public override Tensor forward(Tensor x) => Head.call(RunToHead(x));

    /// <summary>
    /// Writes the inference form into <paramref name="g"/>: the layers in order, each from the outputs its 'from'
    /// names (nn.Upsample as a nearest Resize by its yaml scale factor), then the head. Returns the output's name.
    /// </summary>
    public string Export(OnnxGraph g, Traced x)
    {
        var outputs = new Traced?[model.Count];
        var last = x;
        for (var i = 0; i < model.Count - 1; i++)
        {
            var from = froms[i];
            Traced In(int f) => f == -1 ? last : outputs[f]!.Value;
            last = model[i] switch
            {
                Upsample => Resize(g, In(from[0]), int.Parse(Spec.Layers[i].Args[1], System.Globalization.CultureInfo.InvariantCulture), $"model.{i}"),
                Concat => g.Concat(from.Select(In).ToArray(), $"model.{i}"),
                var m => g.Module(m, In(from[0]), $"model.{i}"),
            };
            if (saved[i])
            {
                outputs[i] = last;
            }
        }

        return Head.Export(g, froms[^1].Select(f => f == -1 ? last : outputs[f]!.Value).ToArray());
    }

    private static Traced Resize(OnnxGraph g, Traced x, int factor, string hint)
    {
        var scales = g.Floats(hint + "/scales", [1, 1, factor, factor], [4]);
        var y = g.Op("Resize", [x.Name, "", scales], hint, OnnxGraph.Text("coordinate_transformation_mode", "asymmetric"), OnnxGraph.Text("mode", "nearest"), OnnxGraph.Text("nearest_mode", "floor"));
        return new Traced(y, x.C, x.H * factor, x.W * factor);
    }

    private Tensor[] RunToHead(Tensor x)
    {
        var outputs = new Tensor?[model.Count];
        var last = x;
        for (var i = 0; i < model.Count - 1; i++)
        {
            var from = froms[i];
            last = model[i] switch
            {
                nn.Module<Tensor, Tensor> single => single.call(from[0] == -1 ? last : outputs[from[0]]!),
                nn.Module<Tensor[], Tensor> many => many.call(from.Select(f => f == -1 ? last : outputs[f]!).ToArray()),
                _ => throw new InvalidOperationException($"layer {i} has no forward of one or many tensors"),
            };
            if (saved[i])
            {
                outputs[i] = last;
            }
        }

        return froms[^1].Select(f => f == -1 ? last : outputs[f]!).ToArray();
    }
}
