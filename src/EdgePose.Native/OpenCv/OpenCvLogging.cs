using System.Globalization;
using System.Runtime.InteropServices;
using OpenCvSharp;

namespace EdgePose.Native.OpenCv;

/// <summary>
/// OpenCV's own console output: its "[ WARN:0@...]" lines and, through its FFmpeg backend, FFmpeg's messages
/// (such as "moov atom not found" for a file that is not a video). Both write straight to stderr, so a
/// command hides them unless it runs with --verbose; EdgePose reports every failure itself in one line.
/// </summary>
public static partial class OpenCvLogging
{
    /// <summary>The variable OpenCV's FFmpeg backend reads on every open for FFmpeg's log level (AV_LOG_*).</summary>
    public const string FfmpegLevelVariable = "OPENCV_FFMPEG_LOGLEVEL";

    // FFmpeg's levels: AV_LOG_QUIET and AV_LOG_INFO.
    private const int FfmpegQuiet = -8;
    private const int FfmpegInfo = 32;

    private static LogLevel? s_deferred;

    /// <summary>OpenCV's log level (cv::utils::logging::setLogLevel).</summary>
    public static LogLevel Level
    {
        get => Cv2.GetLogLevel();
        set => Cv2.SetLogLevel(value);
    }

    /// <summary>
    /// Sets what a command shows: nothing from OpenCV or FFmpeg by default, their warnings and notes with
    /// <paramref name="verbose"/>. Call it once at the start of a command, before other threads use OpenCV.
    /// </summary>
    public static void ForCommand(bool verbose)
    {
        SetFfmpegLevel(verbose ? FfmpegInfo : FfmpegQuiet);
        try
        {
            Level = verbose ? LogLevel.INFO : LogLevel.SILENT;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException or EntryPointNotFoundException)
        {
            // OpenCvSharp's native library cannot be loaded: commands that need no OpenCV still run, and
            // one that does fails at its first OpenCV call.
        }
    }

    /// <summary>
    /// As <see cref="ForCommand"/> for a command that may never use OpenCV (`edgepose run`): FFmpeg's level is set
    /// now, OpenCV's own when something loads it through <see cref="OpenCvNative.Require"/>, so setting a level
    /// does not load OpenCV's native library.
    /// </summary>
    public static void ForCommandWithoutLoading(bool verbose)
    {
        SetFfmpegLevel(verbose ? FfmpegInfo : FfmpegQuiet);
        s_deferred = verbose ? LogLevel.INFO : LogLevel.SILENT;
    }

    /// <summary>Sets the level <see cref="ForCommandWithoutLoading"/> put off; OpenCvNative calls it once OpenCV is loaded.</summary>
    internal static void ApplyDeferred()
    {
        if (s_deferred is { } level)
        {
            Level = level;
            s_deferred = null;
        }
    }

    /// <summary>
    /// Sets FFmpeg's log level for the next video OpenCV opens. The variable must be in the native
    /// environment, where OpenCV reads it; .NET's Environment.SetEnvironmentVariable does not reach it on Linux.
    /// </summary>
    public static void SetFfmpegLevel(int level)
    {
        if (SetEnv(FfmpegLevelVariable, level.ToString(CultureInfo.InvariantCulture), 1) != 0)
        {
            throw new InvalidOperationException($"cannot set {FfmpegLevelVariable}: setenv failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>FFmpeg's log level as OpenCV will see it, or null when it is not set.</summary>
    public static int? FfmpegLevel() =>
        Marshal.PtrToStringUTF8(GetEnv(FfmpegLevelVariable)) is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var level) ? level : null;

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);
}
