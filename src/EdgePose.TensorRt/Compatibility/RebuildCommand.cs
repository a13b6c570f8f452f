using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EdgePose.TensorRt.Building;

namespace EdgePose.TensorRt.Compatibility;

/// <summary>
/// The exact `edgepose build-engine ...` command line that rebuilds an engine on this machine: the
/// sidecar's flags replayed, paths quoted for a POSIX shell. Error messages about unusable engines end
/// with it.
/// </summary>
public static partial class RebuildCommand
{
    /// <summary>Placeholder for the ONNX when neither the sidecar nor a file beside the plan names it.</summary>
    public const string UnknownOnnx = "MODEL.onnx";

    /// <summary>
    /// The command for <paramref name="planPath"/>. The ONNX is <paramref name="onnxPath"/>, else the
    /// sidecar's, else a .onnx beside the plan, else <see cref="UnknownOnnx"/>. Without recorded flags the
    /// command builds FP16, the usual choice on Jetson.
    /// </summary>
    public static string For(string planPath, EngineBuildFlags? flags, string? onnxPath = null)
    {
        var onnx = onnxPath ?? GuessOnnx(planPath);
        flags ??= new EngineBuildFlags { Precision = EnginePrecision.Fp16 };
        var sb = new StringBuilder("edgepose build-engine --onnx ").Append(Quote(onnx));
        switch (flags.Precision)
        {
            case EnginePrecision.Fp16:
                sb.Append(" --fp16");
                break;
            case EnginePrecision.Int8:
                sb.Append(" --int8");
                if (flags.CalibrationImages is { } calib)
                {
                    sb.Append(" --calib-images ").Append(Quote(calib));
                }

                break;
        }

        if (flags.Batch != 1)
        {
            sb.Append(" --batch ").Append(flags.Batch.ToString(CultureInfo.InvariantCulture));
        }

        if (flags.WorkspaceMiB is { } ws)
        {
            sb.Append(" --workspace ").Append(ws.ToString(CultureInfo.InvariantCulture));
        }

        if (flags.TimingCache is { } cache)
        {
            sb.Append(" --timing-cache ").Append(Quote(cache));
        }

        if (flags.DlaCore is { } dla)
        {
            sb.Append(" --dla ").Append(dla.ToString(CultureInfo.InvariantCulture));
        }

        return sb.Append(" --out ").Append(Quote(planPath)).ToString();
    }

    /// <summary>Quotes <paramref name="s"/> for a POSIX shell when it has anything but safe characters.</summary>
    public static string Quote(string s) =>
        s.Length > 0 && SafeShellWord().IsMatch(s) ? s : "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string GuessOnnx(string planPath)
    {
        var beside = Path.ChangeExtension(planPath, ".onnx");
        return File.Exists(beside) ? beside : UnknownOnnx;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_./@%+=:,-]+$")]
    private static partial Regex SafeShellWord();
}
