using EdgePose.Tests;
using EdgePose.TensorRt.Runtime;
using Xunit.Sdk;

namespace EdgePose.Host.Tests.Support;

/// <summary>
/// A fact about behaviour where TensorRT is absent (and the shared files it names are present); skipped where
/// TensorRT is installed. Missing shared files skip it too, or fail it when EDGEPOSE_REQUIRE_SHARED=1.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer(RequirementFactDiscoverer.TypeName, ThisTestAssembly.Name)]
internal sealed class WithoutTensorRtFactAttribute : FactAttribute, IRequirementAttribute
{
    public WithoutTensorRtFactAttribute(params string[] sharedPaths)
    {
        var verdict = RequiredEnvironment.First(
            new RequirementVerdict(TensorRtLibrary.IsAvailable(out _) ? "TensorRT is installed here; this test checks what happens where it is not" : null, null),
            RequiredEnvironment.Judge(SkipReasons.MissingShared(sharedPaths), RequiredEnvironment.SharedVariable));
        Skip = verdict.SkipReason;
        FailureReason = verdict.FailureReason;
    }

    public string? FailureReason { get; }
}
