using EdgePose.Native.Cuda;
using EdgePose.Tests;
using EdgePose.TensorRt.Runtime;
using Xunit.Sdk;

namespace EdgePose.Host.Tests.Support;

/// <summary>
/// A fact that needs TensorRT and a GPU: skipped with the reason where either is absent, failed with it when
/// EDGEPOSE_REQUIRE_GPU=1. Shared files it names follow EDGEPOSE_REQUIRE_SHARED.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer(RequirementFactDiscoverer.TypeName, ThisTestAssembly.Name)]
internal sealed class RequiresTensorRtFactAttribute : FactAttribute, IRequirementAttribute
{
    public RequiresTensorRtFactAttribute(params string[] sharedPaths)
    {
        var missing = TensorRtLibrary.IsAvailable(out var noTensorRt) ? CudaDriver.TryInitialize(out var noGpu) ? null : noGpu : noTensorRt;
        var verdict = RequiredEnvironment.First(
            RequiredEnvironment.Judge(missing, RequiredEnvironment.GpuVariable),
            RequiredEnvironment.Judge(SkipReasons.MissingShared(sharedPaths), RequiredEnvironment.SharedVariable));
        Skip = verdict.SkipReason;
        FailureReason = verdict.FailureReason;
    }

    public string? FailureReason { get; }
}
