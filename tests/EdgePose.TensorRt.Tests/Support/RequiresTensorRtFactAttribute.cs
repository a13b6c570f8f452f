using EdgePose.Native.Cuda;
using EdgePose.TensorRt.Runtime;
using EdgePose.Tests;
using Xunit.Sdk;

namespace EdgePose.TensorRt.Tests.Support;

/// <summary>
/// A fact that needs TensorRT (libedgepose_trt.so and TensorRT's libraries) and a GPU: skipped with the reason
/// where either is absent, failed with it when EDGEPOSE_REQUIRE_GPU=1. Shared files it names follow
/// EDGEPOSE_REQUIRE_SHARED.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer(RequirementFactDiscoverer.TypeName, ThisTestAssembly.Name)]
internal sealed class RequiresTensorRtFactAttribute : FactAttribute, IRequirementAttribute
{
    public RequiresTensorRtFactAttribute(params string[] sharedPaths)
    {
        var verdict = RequiredEnvironment.First(
            RequiredEnvironment.Judge(Reasons.MissingTensorRt() ?? Reasons.MissingGpu(), RequiredEnvironment.GpuVariable),
            RequiredEnvironment.Judge(SkipReasons.MissingShared(sharedPaths), RequiredEnvironment.SharedVariable));
        Skip = verdict.SkipReason;
        FailureReason = verdict.FailureReason;
    }

    public string? FailureReason { get; }
}

/// <summary>
/// A fact that needs an NVIDIA GPU and its driver (libcuda.so.1): skipped with the reason where there is none,
/// failed with it when EDGEPOSE_REQUIRE_GPU=1.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer(RequirementFactDiscoverer.TypeName, ThisTestAssembly.Name)]
internal sealed class RequiresGpuFactAttribute : FactAttribute, IRequirementAttribute
{
    public RequiresGpuFactAttribute()
    {
        var verdict = RequiredEnvironment.Judge(Reasons.MissingGpu(), RequiredEnvironment.GpuVariable);
        Skip = verdict.SkipReason;
        FailureReason = verdict.FailureReason;
    }

    public string? FailureReason { get; }
}

/// <summary>A fact about behaviour where TensorRT is absent; skipped on machines that have it.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class WithoutTensorRtFactAttribute : FactAttribute
{
    public WithoutTensorRtFactAttribute()
    {
        if (TensorRtLibrary.IsAvailable(out _))
        {
            Skip = "TensorRT is installed here; this test checks what happens where it is not";
        }
    }
}

internal static class Reasons
{
    public static string? MissingTensorRt() => TensorRtLibrary.IsAvailable(out var why) ? null : why;

    public static string? MissingGpu() => CudaDriver.TryInitialize(out var why) ? null : why;
}
