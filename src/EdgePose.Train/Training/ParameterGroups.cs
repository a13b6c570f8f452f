using EdgePose.Train.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgePose.Train.Training;

/// <summary>
/// The trainable parameters split as Ultralytics' optimizer groups them: weights with weight decay (conv and
/// linear weights), BatchNorm weights without decay, and all biases without decay. The DFL's fixed weights
/// (no gradient) are in none.
/// </summary>
public sealed record ParameterGroups(IReadOnlyList<Parameter> Decay, IReadOnlyList<Parameter> NormWeights, IReadOnlyList<Parameter> Biases)
{
    public static ParameterGroups Of(PoseModel model)
    {
        var decay = new List<Parameter>();
        var norm = new List<Parameter>();
        var bias = new List<Parameter>();
        foreach (var (_, module) in model.named_modules())
        {
            foreach (var (name, p) in module.named_parameters(recurse: false))
            {
                if (!p.requires_grad)
                {
                    continue;
                }

                if (name == "bias")
                {
                    bias.Add(p);
                }
                else if (module is BatchNorm2d)
                {
                    norm.Add(p);
                }
                else
                {
                    decay.Add(p);
                }
            }
        }

        return new ParameterGroups(decay, norm, bias);
    }
}
