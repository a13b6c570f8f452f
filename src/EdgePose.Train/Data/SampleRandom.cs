using EdgePose.Core.Datasets.Splits;

namespace EdgePose.Train.Data;

/// <summary>
/// The random numbers of one sample's augmentation, seeded by (seed, epoch, position in the epoch) so that a run
/// with a fixed seed augments identically whichever worker thread builds the sample.
/// </summary>
public sealed class SampleRandom(ulong seed, int epoch, int position)
{
    private readonly SeededShuffle _bits = new(Mix(Mix(seed) ^ ((ulong)epoch << 32) ^ (uint)position));

    /// <summary>Uniform in [0, 1).</summary>
    public double Next() => (_bits.NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [lo, hi).</summary>
    public double Uniform(double lo, double hi) => lo + ((hi - lo) * Next());

    public int Below(int n) => _bits.Next(n);

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
