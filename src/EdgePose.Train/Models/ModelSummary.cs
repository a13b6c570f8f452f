using System.Globalization;

namespace EdgePose.Train.Models;

/// <summary>The layer table (parameters and GFLOPs per layer) and summary line of a model, in the layout of Ultralytics' model info.</summary>
public static class ModelSummary
{
    public static void Write(TextWriter o, PoseModel model, int imgsz = 640)
    {
        var inv = CultureInfo.InvariantCulture;
        var (flops, total) = FlopCounter.GFlops(model, imgsz);
        o.WriteLine($"{"",3}{"from",20}{"n",3}{"params",10}{"GFLOPs",8}  {"module",-12}{"arguments"}");
        foreach (var l in model.Layers)
        {
            var from = l.From.Length == 1 ? l.From[0].ToString(inv) : "[" + string.Join(", ", l.From) + "]";
            o.WriteLine($"{l.Index,3}{from,20}{l.Repeats,3}{l.Parameters.ToString(inv),10}{flops[l.Index].ToString("F3", inv),8}  {l.Module,-12}{l.Arguments}");
        }

        o.WriteLine($"{model.Spec.Name} summary{(model.Layers.Count > 0 && IsFused(model) ? " (fused)" : string.Empty)}: {model.Layers.Count} layers, "
            + $"{model.ParameterCount.ToString("N0", inv)} parameters, {model.GradientCount.ToString("N0", inv)} gradients, "
            + $"{total.ToString("F1", inv)} GFLOPs at {imgsz}, nc {model.Classes}, kpt_shape [{model.KptShape[0]}, {model.KptShape[1]}]");
    }

    private static bool IsFused(PoseModel model) => model.named_parameters().Any(p => p.name == "model.0.conv.bias");
}
