namespace EdgePose.Tests;

/// <summary>Where the repository and the read-only shared material (../shared beside it) are.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> s_repoRoot = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EdgePose.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("EdgePose.sln not found above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => s_repoRoot.Value;

    /// <summary>The shared folder: $EDGEPOSE_SHARED, else ../shared beside the repository.</summary>
    public static string SharedRoot =>
        Environment.GetEnvironmentVariable("EDGEPOSE_SHARED") is { Length: > 0 } env
            ? env
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string Shared(params string[] parts) => Path.Combine([SharedRoot, .. parts]);

    public static string FloatHeadModel => Shared("models", "yolo11n-pose_int8_floathead.onnx");

    public static string GenuineInt8Model => Shared("models", "yolo11n-pose_int8.onnx");

    public static string Coco8Pose => Shared("data", "coco8-pose");

    /// <summary>Debian opencv-doc's sample video (768x576, 795 frames of people walking).</summary>
    public const string SampleVideo = "/usr/share/doc/opencv-doc/examples/data/vtest.avi";

    public static string CocoMini => Shared("data", "coco-mini");

    public static string Reference(string file) => Shared("reference", file);

    /// <summary>A fresh empty folder under the system temp folder, removed by the caller or left for inspection.</summary>
    public static string NewTempDir(string prefix = "edgepose-test")
    {
        var d = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(d);
        return d;
    }
}
