using EdgePose.Native.Cuda;
using EdgePose.Native.GStreamer;
using EdgePose.Tests;
using Xunit.Sdk;

namespace EdgePose.Host.Tests.Support;

/// <summary>
/// A fact about a run where the CUDA driver is absent (GStreamer and the shared files it names present); skipped
/// where a driver and GPU are there. Missing shared files skip it too, or fail it when EDGEPOSE_REQUIRE_SHARED=1.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer(RequirementFactDiscoverer.TypeName, ThisTestAssembly.Name)]
internal sealed class WithoutCudaDriverFactAttribute : FactAttribute, IRequirementAttribute
{
    public WithoutCudaDriverFactAttribute(params string[] sharedPaths)
    {
        var verdict = RequiredEnvironment.First(
            new RequirementVerdict(CudaDriver.TryInitialize(out _) ? "this machine has a CUDA driver and GPU; the test checks what happens without them" : null, null),
            new RequirementVerdict(GStreamerRuntime.IsAvailable(out var noGst) ? null : noGst, null),
            RequiredEnvironment.Judge(SkipReasons.MissingShared(sharedPaths), RequiredEnvironment.SharedVariable));
        Skip = verdict.SkipReason;
        FailureReason = verdict.FailureReason;
    }

    public string? FailureReason { get; }
}
