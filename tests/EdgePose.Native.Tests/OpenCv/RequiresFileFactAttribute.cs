namespace EdgePose.Native.Tests.OpenCv;

/// <summary>A fact that needs a file outside the repository (a system sample video); skipped with the reason when absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresFileFactAttribute : FactAttribute
{
    public RequiresFileFactAttribute(string path)
    {
        if (!File.Exists(path))
        {
            Skip = $"file missing: {path}";
        }
    }
}
