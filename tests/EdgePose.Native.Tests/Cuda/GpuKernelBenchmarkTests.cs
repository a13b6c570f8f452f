using Xunit.Abstractions;

namespace EdgePose.Native.Tests.Cuda;

/// <summary>The kernels' CUDA-event microbenchmarks (<see cref="KernelTimings"/>), printed with the GPU's name.</summary>
public class GpuKernelBenchmarkTests(ITestOutputHelper output)
{
    [RequiresGpuFact]
    public void Preprocess_and_postprocess_timings_are_reported_against_the_copy_bandwidth()
    {
        using var gpu = new GpuSession();

        var lines = new List<string>();

        KernelTimings.Measure(gpu, lines.Add);

        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        Assert.Equal(33, lines.Count);
        Assert.DoesNotContain(lines, l => l.Contains("NaN", StringComparison.Ordinal));
    }
}
