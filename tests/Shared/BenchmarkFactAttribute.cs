namespace EdgePose.Tests;

/// <summary>
/// A timed benchmark written as an xunit fact: it runs only with EDGEPOSE_BENCH=1 (scripts/bench.sh sets it), never
/// in CI, where a shared 2-core machine would make its speed assertion a coin toss. Its numbers go to
/// docs/performance.md.
/// </summary>
internal sealed class BenchmarkFactAttribute : FactAttribute
{
    public const string Variable = "EDGEPOSE_BENCH";

    public BenchmarkFactAttribute(string section)
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"a timed benchmark, not a CI test: scripts/bench.sh {section} runs it ({Variable}=1)";
        }
    }
}
