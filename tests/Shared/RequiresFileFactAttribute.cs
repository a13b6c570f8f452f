using Xunit.Sdk;

namespace EdgePose.Tests;

/// <summary>
/// A fact that needs a file outside the repository (a system sample video) and, optionally, files of
/// ../shared; skipped with the reason when any is absent. Missing shared files fail instead when
/// EDGEPOSE_REQUIRE_SHARED=1; a missing system file stays a skip.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer(RequirementFactDiscoverer.TypeName, ThisTestAssembly.Name)]
internal sealed class RequiresFileFactAttribute : FactAttribute, IRequirementAttribute
{
    public RequiresFileFactAttribute(string path, params string[] sharedPaths)
    {
        var verdict = RequiredEnvironment.First(
            RequiredEnvironment.Judge(sharedPaths.Length > 0 ? SkipReasons.MissingShared(sharedPaths) : null, RequiredEnvironment.SharedVariable),
            new RequirementVerdict(File.Exists(path) ? null : $"file missing: {path}", null));
        Skip = verdict.SkipReason;
        FailureReason = verdict.FailureReason;
    }

    public string? FailureReason { get; }
}
