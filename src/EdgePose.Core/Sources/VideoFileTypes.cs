namespace EdgePose.Core.Sources;

/// <summary>The video files EdgePose reads, by extension.</summary>
public static class VideoFileTypes
{
    public static readonly IReadOnlyList<string> Extensions = [".mp4", ".avi", ".mkv", ".mov", ".m4v", ".webm", ".mpg", ".mpeg", ".ts", ".h264", ".h265"];

    /// <summary>True when <paramref name="path"/> has one of <see cref="Extensions"/> (any case).</summary>
    public static bool IsVideo(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());
}
