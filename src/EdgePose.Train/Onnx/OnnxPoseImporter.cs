using EdgePose.Core.Onnx;
using EdgePose.Train.Models;
using EdgePose.Train.Models.Modules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgePose.Train.Onnx;

/// <summary>
/// Loads an Ultralytics pose ONNX export (float, or QDQ INT8 with the weights dequantised) into the C#
/// model. The export has BatchNorm folded into the convolutions, so the model is built fused: every
/// <see cref="Conv"/> has a conv bias and an identity norm. The model family comes from the graph (C3k2/C2PSA
/// layers: YOLO11, else YOLOv8), the scale from the first conv's width, nc and kpt_shape from the metadata.
/// Errors (<see cref="InvalidDataException"/>, one line naming the file): not a pose model, a weight missing
/// or of another shape.
/// </summary>
public static class OnnxPoseImporter
{
    public static PoseModel Import(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var info = OnnxModelReader.Read(bytes, path);
        var meta = info.Metadata;
        if (!string.Equals(meta.Task, "pose", StringComparison.OrdinalIgnoreCase) || meta.KeypointCount is not int k || meta.KeypointDims is not int dims)
        {
            throw new InvalidDataException($"{path}: not a pose model (metadata task '{meta.Task ?? "none"}'{(meta.KeypointCount is null ? ", no kpt_shape" : string.Empty)})");
        }

        var weights = OnnxWeights.Read(bytes, path);
        var family = weights.Keys.Any(k => k.Contains(".m.0.attn.", StringComparison.Ordinal)) ? "yolo11" : "yolov8";
        var firstWidth = weights.TryGetValue("model.0.conv.weight", out var w0) ? w0.Shape[0] : throw new InvalidDataException($"{path}: no weight model.0.conv.weight; not an Ultralytics YOLO export");
        var scale = ScaleOf(family, firstWidth, weights)
            ?? throw new InvalidDataException($"{path}: first conv has {firstWidth} channels, which matches no {family} pose scale");

        var nc = Math.Max(meta.Names.Count, 1);
        var model = PoseModel.Build(ModelYaml.Named($"{family}{scale}-pose"), nc, [k, dims], fused: true);
        Load(model, weights, path);
        return model;
    }

    /// <summary>Copies the weights into a fused model by Ultralytics' parameter names.</summary>
    public static void Load(PoseModel model, IReadOnlyDictionary<string, OnnxWeight> weights, string source)
    {
        using var noGrad = no_grad();
        foreach (var (name, p) in model.named_parameters())
        {
            // The DFL's fixed bins 0..15: taken from the file when it has them (an INT8 file holds them rounded).
            var isDfl = name.EndsWith("dfl.conv.weight", StringComparison.Ordinal);
            if (!weights.TryGetValue(name, out var w) && isDfl)
            {
                continue;
            }

            if (w is null)
            {
                throw new InvalidDataException($"{source}: weight '{name}' missing; the model does not match {model.Spec.Name}");
            }

            if (!w.Shape.SequenceEqual(p.shape))
            {
                throw new InvalidDataException($"{source}: weight '{name}' has shape [{string.Join(", ", w.Shape)}], the model expects [{string.Join(", ", p.shape)}]");
            }

            p.copy_(tensor(w.Values).view(p.shape));
        }
    }

    /// <summary>The scale whose first conv width is the file's and whose layer-2 block count matches (YOLO11 m and l share a width).</summary>
    private static char? ScaleOf(string family, long firstWidth, IReadOnlyDictionary<string, OnnxWeight> weights)
    {
        foreach (var s in "nsmlx")
        {
            var spec = ModelYaml.Named($"{family}{s}-pose");
            var v = spec.ScaleValues;
            var n = Math.Max((int)Math.Round(spec.Layers[2].Repeats * v.Depth, MidpointRounding.ToEven), 1);
            if ((long)Math.Ceiling(Math.Min(64, v.MaxChannels) * v.Width / 8) * 8 == firstWidth
                && weights.Keys.Any(k => k.StartsWith($"model.2.m.{n - 1}.", StringComparison.Ordinal))
                && !weights.Keys.Any(k => k.StartsWith($"model.2.m.{n}.", StringComparison.Ordinal)))
            {
                return s;
            }
        }

        return null;
    }
}
