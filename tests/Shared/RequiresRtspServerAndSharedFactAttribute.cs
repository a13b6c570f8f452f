using Xunit.Sdk;

namespace EdgePose.Tests;

/// <summary>
/// A test against the RTSP test server that also needs files of ../shared (e.g. the model): skipped with the reason
/// when the server cannot run here or a shared file is missing; under EDGEPOSE_REQUIRE_SHARED=1 a missing shared
/// file fails instead, as with <see cref="RequiresSharedFactAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer(RequirementFactDiscoverer.TypeName, ThisTestAssembly.Name)]
internal sealed class RequiresRtspServerAndSharedFactAttribute : FactAttribute, IRequirementAttribute
{
    public RequiresRtspServerAndSharedFactAttribute(params string[] sharedPaths)
    {
        var verdict = RequiredEnvironment.Judge(SkipReasons.MissingShared(sharedPaths), RequiredEnvironment.SharedVariable);
        Skip = RtspTestServer.MissingReason ?? verdict.SkipReason;
        FailureReason = RtspTestServer.MissingReason is null ? verdict.FailureReason : null;
    }

    public string? FailureReason { get; }
}
