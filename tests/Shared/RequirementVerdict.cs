namespace EdgePose.Tests;

/// <summary>
/// Whether a test with a precondition runs, is skipped (<see cref="SkipReason"/>) or fails without running
/// (<see cref="FailureReason"/>, when the run demands what is missing: <see cref="RequiredEnvironment"/>).
/// </summary>
internal readonly record struct RequirementVerdict(string? SkipReason, string? FailureReason)
{
    public bool Runs => SkipReason is null && FailureReason is null;
}
