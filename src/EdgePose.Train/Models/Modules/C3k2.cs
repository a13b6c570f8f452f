using static TorchSharp.torch;

namespace EdgePose.Train.Models.Modules;

/// <summary>
/// YOLO11's C2f variant: the inner blocks are C3k (two 3×3 bottlenecks) when c3k is set, else plain
/// bottlenecks with half width (e 0.5) and a residual.
/// </summary>
public sealed class C3k2 : C2f
{
    public C3k2(long c1, long c2, int n = 1, bool c3k = false, double e = 0.5, bool shortcut = true)
        : base(c1, c2, n, e, c => c3k ? new C3k(c, c, 2, shortcut) : new Bottleneck(c, c, shortcut), nameof(C3k2))
    {
    }
}
