using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgePose.Train.Models;

/// <summary>
/// Floating-point operations of a forward pass, counted as Ultralytics reports GFLOPs (thop's counts × 2):
/// a convolution costs (cin/groups · k² + bias) multiply-adds per output value, an affine BatchNorm 4 per
/// value; activations, pooling, upsampling and the attention's matrix products are not counted. Measured at
/// a stride-sized input (32 × 32) and scaled to the image size, as Ultralytics does.
/// </summary>
public static class FlopCounter
{
    /// <summary>GFLOPs per layer (index as in <see cref="PoseModel.Layers"/>) and in total, for a square input of imgsz.</summary>
    public static (double[] PerLayer, double Total) GFlops(PoseModel model, int imgsz = 640)
    {
        const int probe = 32;
        var perLayer = new double[model.Layers.Count];
        var hooks = new List<Action>();
        var layers = model.named_children().First(c => c.name == "model").module.named_children().ToList();
        var wasTraining = model.training;
        model.eval();
        try
        {
            for (var i = 0; i < layers.Count; i++)
            {
                var index = i;
                foreach (var (_, m) in layers[i].module.named_modules().Prepend((string.Empty, layers[i].module)))
                {
                    if (m is Conv2d conv)
                    {
                        var remover = conv.register_forward_hook((mod, input, output) =>
                        {
                            var c = (Conv2d)mod;
                            var w = c.weight!.shape;
                            perLayer[index] += output.numel() * ((w[1] * w[2] * w[3]) + (c.bias is null ? 0 : 1));
                            return output;
                        });
                        hooks.Add(remover.remove);
                    }
                    else if (m is BatchNorm2d bn)
                    {
                        var remover = bn.register_forward_hook((_, _, output) =>
                        {
                            perLayer[index] += 4 * output.numel();
                            return output;
                        });
                        hooks.Add(remover.remove);
                    }
                }
            }

            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            model.forward(zeros(1, 3, probe, probe));
        }
        finally
        {
            foreach (var remove in hooks)
            {
                remove();
            }

            model.train(wasTraining);
        }

        var scale = 2.0 / 1e9 * (imgsz / (double)probe) * (imgsz / (double)probe);
        var result = perLayer.Select(f => f * scale).ToArray();
        return (result, result.Sum());
    }
}
