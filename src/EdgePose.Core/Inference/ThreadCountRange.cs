using EdgePose.Core.Errors;

namespace EdgePose.Core.Inference;

/// <summary>
/// The range of --threads: 0 (the runtime chooses) up to four threads per CPU (at least 16). More threads than that
/// only make a run slower, and an absurd count (100000) makes the runtime create threads until memory runs out.
/// </summary>
public static class ThreadCountRange
{
    public static int Max(int processorCount) => Math.Max(16, 4 * processorCount);

    /// <summary>The count, when it lies in 0..<see cref="Max"/>; else a one-line error.</summary>
    public static int Check(int threads, int processorCount)
    {
        int max = Max(processorCount);
        if (threads < 0 || threads > max)
        {
            throw new InputException($"threads {threads} is outside 0..{max} (0 lets the runtime choose; this machine has {processorCount} CPUs)");
        }

        return threads;
    }
}
