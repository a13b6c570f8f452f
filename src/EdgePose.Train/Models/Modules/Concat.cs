using static TorchSharp.torch;

namespace EdgePose.Train.Models.Modules;

/// <summary>Concatenates its inputs along one dimension (channels).</summary>
public sealed class Concat : nn.Module<Tensor[], Tensor>
{
    private readonly long dim;

    public Concat(long dim = 1) : base(nameof(Concat))
    {
        this.dim = dim;
    }

    public override Tensor forward(Tensor[] x) => cat(x, dim);
}
