using EdgePose.Tests;
using Xunit.Sdk;

namespace EdgePose.Core.Tests.Tracking;

/// <summary>A fact that needs the outputs of scripts/track-parity.py in artifacts/track-parity; skipped with the reason otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer(RequirementFactDiscoverer.TypeName, ThisTestAssembly.Name)]
internal sealed class RequiresTrackParityFactAttribute : FactAttribute, IRequirementAttribute
{
    public RequiresTrackParityFactAttribute()
    {
        var missing = new[] { TrackParityFiles.Detections, TrackParityFiles.UltralyticsIds }.FirstOrDefault(p => !File.Exists(p));
        Skip = missing is null ? null : $"file missing: {missing} (run scripts/track-parity.py first)";
    }

    public string? FailureReason => null;
}

/// <summary>Where scripts/track-parity.py leaves its inputs and outputs by default.</summary>
internal static class TrackParityFiles
{
    public static string Folder => Path.Combine(TestPaths.RepoRoot, "artifacts", "track-parity");

    public static string Detections => Path.Combine(Folder, "vtest.jsonl");

    public static string UltralyticsIds => Path.Combine(Folder, "ultralytics-ids.jsonl");
}
