namespace EdgePose.Tests;

/// <summary>
/// Bytes a piece of work allocates on the calling thread once warm: the least over a few rounds, so a one-off
/// allocation of the runtime (a method's tier-up, a lazy cache) in one round does not count, while work that
/// allocates every time still shows in every round.
/// </summary>
internal static class SteadyAllocation
{
    public static long Least(Action round, int rounds = 5)
    {
        long least = long.MaxValue;
        for (int r = 0; r < rounds; r++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            round();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
