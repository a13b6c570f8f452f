namespace EdgePose.Tests;

/// <summary>
/// A fact that needs the RTSP test server (<see cref="RtspTestServer"/>: python3-gi, gst-rtsp-server, x264enc) and,
/// optionally, files outside the repository (a sample video); skipped with the reason when any is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresRtspServerFactAttribute : FactAttribute
{
    public RequiresRtspServerFactAttribute(params string[] files)
    {
        Skip = RtspTestServer.MissingReason
            ?? files.Where(f => !File.Exists(f)).Select(f => $"file missing: {f}").FirstOrDefault();
    }
}
