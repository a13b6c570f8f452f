using EdgePose.Tests;

namespace EdgePose.Host.Tests.Support;

/// <summary>A fact that needs a headless chromium (Debian: apt-get install chromium) and, optionally, files of ../shared.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresChromiumFactAttribute : FactAttribute
{
    public RequiresChromiumFactAttribute(params string[] sharedPaths)
    {
        Skip = HeadlessChromium.Executable is null ? "chromium not installed (apt-get install chromium; scripts/setup.sh installs it)"
            : sharedPaths.Length > 0 ? SkipReasons.MissingShared(sharedPaths)
            : null;
    }
}
