using EdgePose.Native.GStreamer;

namespace EdgePose.Native.Tests.GStreamer;

/// <summary>A fact that needs GStreamer's libraries; skipped with the reason (the missing library and its package) when absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresGStreamerFactAttribute : FactAttribute
{
    public RequiresGStreamerFactAttribute()
    {
        if (!GStreamerRuntime.IsAvailable(out var reason))
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that needs GStreamer's libraries.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresGStreamerTheoryAttribute : TheoryAttribute
{
    public RequiresGStreamerTheoryAttribute()
    {
        if (!GStreamerRuntime.IsAvailable(out var reason))
        {
            Skip = reason;
        }
    }
}
