using EdgePose.Native.GStreamer;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Support;

/// <summary>A fact that needs GStreamer and, optionally, files of ../shared; skipped with the reason when either is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresGStreamerFactAttribute : FactAttribute
{
    public RequiresGStreamerFactAttribute(params string[] sharedPaths)
    {
        Skip = !GStreamerRuntime.IsAvailable(out var reason) ? reason
            : sharedPaths.Length > 0 ? SkipReasons.MissingShared(sharedPaths)
            : null;
    }
}
