namespace EdgePose.Tests;

/// <summary>A fact that needs ../shared (models, data, reference); skipped with the reason when absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresSharedFactAttribute : FactAttribute
{
    public RequiresSharedFactAttribute(params string[] relativePaths)
    {
        if (SkipReasons.MissingShared(relativePaths) is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that needs ../shared; skipped with the reason when absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresSharedTheoryAttribute : TheoryAttribute
{
    public RequiresSharedTheoryAttribute(params string[] relativePaths)
    {
        if (SkipReasons.MissingShared(relativePaths) is { } reason)
        {
            Skip = reason;
        }
    }
}
