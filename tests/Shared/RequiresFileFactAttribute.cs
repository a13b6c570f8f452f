namespace EdgePose.Tests;

/// <summary>
/// A fact that needs a file outside the repository (a system sample video) and, optionally, files of
/// ../shared; skipped with the reason when any is absent.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresFileFactAttribute : FactAttribute
{
    public RequiresFileFactAttribute(string path, params string[] sharedPaths)
    {
        Skip = !File.Exists(path) ? $"file missing: {path}"
            : sharedPaths.Length > 0 ? SkipReasons.MissingShared(sharedPaths)
            : null;
    }
}
