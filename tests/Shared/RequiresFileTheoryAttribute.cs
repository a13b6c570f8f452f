namespace EdgePose.Tests;

/// <summary>A theory that needs a file outside the repository and, optionally, files of ../shared; skipped with the reason when any is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresFileTheoryAttribute : TheoryAttribute
{
    public RequiresFileTheoryAttribute(string path, params string[] sharedPaths)
    {
        Skip = !File.Exists(path) ? $"file missing: {path}"
            : sharedPaths.Length > 0 ? SkipReasons.MissingShared(sharedPaths)
            : null;
    }
}
