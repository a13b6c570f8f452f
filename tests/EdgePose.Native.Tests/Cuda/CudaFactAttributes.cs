using EdgePose.Native.Cuda;
using EdgePose.Tests;
using Xunit.Sdk;

namespace EdgePose.Native.Tests.Cuda;

/// <summary>
/// A fact that needs an NVIDIA GPU and its driver (libcuda.so.1): skipped with the reason where there is none,
/// failed with it when EDGEPOSE_REQUIRE_GPU=1. Shared files it names follow EDGEPOSE_REQUIRE_SHARED.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer(RequirementFactDiscoverer.TypeName, ThisTestAssembly.Name)]
internal sealed class RequiresGpuFactAttribute : FactAttribute, IRequirementAttribute
{
    public RequiresGpuFactAttribute(params string[] sharedPaths)
    {
        var verdict = RequiredEnvironment.First(
            RequiredEnvironment.Judge(CudaDriver.TryInitialize(out var why) ? null : why, RequiredEnvironment.GpuVariable),
            RequiredEnvironment.Judge(SkipReasons.MissingShared(sharedPaths), RequiredEnvironment.SharedVariable));
        Skip = verdict.SkipReason;
        FailureReason = verdict.FailureReason;
    }

    public string? FailureReason { get; }
}

/// <summary>A fact about behaviour where the CUDA driver is absent; skipped on machines that have one.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class WithoutCudaDriverFactAttribute : FactAttribute
{
    public WithoutCudaDriverFactAttribute()
    {
        if (CudaDriver.TryInitialize(out _))
        {
            Skip = "this machine has a CUDA driver and GPU; the test checks what happens without them";
        }
    }
}
