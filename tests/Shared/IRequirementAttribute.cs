namespace EdgePose.Tests;

/// <summary>
/// A fact or theory attribute with a precondition. A missing precondition sets the attribute's Skip, or, where
/// the run demands it (<see cref="RequiredEnvironment"/>), <see cref="FailureReason"/>: the requirement
/// discoverers then report the test as failed with that reason instead of running it.
/// </summary>
internal interface IRequirementAttribute
{
    string? FailureReason { get; }
}
