using EdgePose.Core.Errors;

namespace EdgePose.Host.Run;

/// <summary>
/// What `edgepose run` uses when nothing is given: the model in EDGEPOSE_MODEL, or yolo11n-pose in the shared
/// folder beside the repository (EDGEPOSE_SHARED, or a "shared" folder next to any parent of the working
/// directory or of the program); and Debian opencv-doc's sample video.
/// </summary>
public static class DefaultPaths
{
    public const string SampleVideo = "/usr/share/doc/opencv-doc/examples/data/vtest.avi";

    private const string ModelInShared = "models/yolo11n-pose_int8_floathead.onnx";

    public static string Model()
    {
        if (Environment.GetEnvironmentVariable("EDGEPOSE_MODEL") is { Length: > 0 } fromEnv)
        {
            return fromEnv;
        }

        if (Environment.GetEnvironmentVariable("EDGEPOSE_SHARED") is { Length: > 0 } shared)
        {
            return Path.Combine(shared, ModelInShared);
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", ModelInShared);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InputException($"no model given and the default model ({ModelInShared} in the shared folder) was not found; pass --model or set EDGEPOSE_MODEL");
    }

    public static string Video() =>
        File.Exists(SampleVideo)
            ? SampleVideo
            : throw new InputException($"no source given and the sample video {SampleVideo} is missing (Debian package opencv-doc); pass --source");
}
