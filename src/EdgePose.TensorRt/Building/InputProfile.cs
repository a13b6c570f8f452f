using EdgePose.Core.Engines;

namespace EdgePose.TensorRt.Building;

/// <summary>The shapes one dynamic network input is built for: smallest, tuned-for and largest.</summary>
public sealed record InputProfile(string Name, long[] Min, long[] Opt, long[] Max)
{
    public override string ToString() => $"{Name} {new TensorShape(Min)}..{new TensorShape(Max)} (opt {new TensorShape(Opt)})";
}
