using Xunit.Sdk;

namespace EdgePose.Tests;

/// <summary>
/// A fact that needs ../shared (models, data, reference): skipped with the reason when absent, or failed with
/// it when EDGEPOSE_REQUIRE_SHARED=1 (<see cref="RequiredEnvironment"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer(RequirementFactDiscoverer.TypeName, ThisTestAssembly.Name)]
internal sealed class RequiresSharedFactAttribute : FactAttribute, IRequirementAttribute
{
    public RequiresSharedFactAttribute(params string[] relativePaths)
    {
        var verdict = RequiredEnvironment.Judge(SkipReasons.MissingShared(relativePaths), RequiredEnvironment.SharedVariable);
        Skip = verdict.SkipReason;
        FailureReason = verdict.FailureReason;
    }

    public string? FailureReason { get; }
}
