using EdgePose.Core.Errors;

namespace EdgePose.Host.Run;

/// <summary>
/// What `edgepose run` uses when nothing is given: the model in EDGEPOSE_MODEL, or yolo11n-pose in the shared
/// folder beside the repository (EDGEPOSE_SHARED, or a "shared" folder next to any parent of the working
/// directory or of the program); Debian opencv-doc's sample video; and the folder for state kept across runs
/// (the MQTT spool).
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

    /// <summary>
    /// Where state kept across runs lives: $STATE_DIRECTORY (what systemd gives a unit with StateDirectory=edgepose),
    /// else /var/lib/edgepose for root (the service), else $XDG_STATE_HOME/edgepose or ~/.local/state/edgepose.
    /// </summary>
    public static string StateDirectory()
    {
        if (Environment.GetEnvironmentVariable("STATE_DIRECTORY") is { Length: > 0 } systemd)
        {
            return systemd.Split(':')[0];
        }

        if (Environment.IsPrivilegedProcess)
        {
            return "/var/lib/edgepose";
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        return Path.Combine(xdg is { Length: > 0 } ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state"), "edgepose");
    }

    /// <summary>The MQTT spool's default folder: spool/mqtt under <see cref="StateDirectory"/>.</summary>
    public static string MqttSpool() => Path.Combine(StateDirectory(), "spool", "mqtt");

    public static string Video() =>
        File.Exists(SampleVideo)
            ? SampleVideo
            : throw new InputException($"no source given and the sample video {SampleVideo} is missing (Debian package opencv-doc); pass --source");
}
