namespace EdgePose.Tests;

/// <summary>Why a test that needs something outside the repository cannot run here, or null when it can.</summary>
internal static class SkipReasons
{
    public static string? MissingShared(string[] relativePaths)
    {
        if (!Directory.Exists(TestPaths.SharedRoot))
        {
            return $"shared material not found at {TestPaths.SharedRoot} (set EDGEPOSE_SHARED)";
        }

        foreach (var p in relativePaths)
        {
            var full = TestPaths.Shared(p);
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                return $"shared file missing: {full}";
            }
        }

        return null;
    }
}
