using Xunit.Sdk;

namespace EdgePose.Tests;

/// <summary>A theory that needs ../shared: skipped with the reason when absent, or failed with it when EDGEPOSE_REQUIRE_SHARED=1.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer(RequirementTheoryDiscoverer.TypeName, ThisTestAssembly.Name)]
internal sealed class RequiresSharedTheoryAttribute : TheoryAttribute, IRequirementAttribute
{
    public RequiresSharedTheoryAttribute(params string[] relativePaths)
    {
        var verdict = RequiredEnvironment.Judge(SkipReasons.MissingShared(relativePaths), RequiredEnvironment.SharedVariable);
        Skip = verdict.SkipReason;
        FailureReason = verdict.FailureReason;
    }

    public string? FailureReason { get; }
}
