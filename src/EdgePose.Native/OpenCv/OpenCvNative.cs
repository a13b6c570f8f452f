using System.Runtime.InteropServices;
using OpenCvSharp;

namespace EdgePose.Native.OpenCv;

/// <summary>
/// OpenCvSharp's native library (libOpenCvSharpExtern.so, OpenCV linked in, about 113 MB): loaded only where
/// images are decoded, drawn or encoded. A headless `edgepose run` (capture through GStreamer, poses, JSON)
/// never asks for it. Whatever draws or decodes calls <see cref="Require"/> first, so a machine without the
/// library (a Jetson build without its runtime package) gets one line naming the package to add.
/// </summary>
public static class OpenCvNative
{
    /// <summary>The library's file name, as it appears in a process's mapped files.</summary>
    public const string LibraryFile = "libOpenCvSharpExtern.so";

    private static readonly Lock s_gate = new();
    private static bool s_loaded;

    /// <summary>The NuGet package that carries the library for this machine's architecture.</summary>
    public static string RuntimePackage => RuntimeInformation.ProcessArchitecture == Architecture.Arm64
        ? "OpenCvSharp4.runtime.linux-arm64 (from nuget.org)"
        : "OpenCvSharp4.official.runtime.linux-x64";

    /// <summary>Loads the library if it is not loaded yet; false with the reason when it cannot be.</summary>
    public static bool TryLoad(out string reason)
    {
        lock (s_gate)
        {
            if (!s_loaded)
            {
                if (!NativeLibrary.TryLoad("OpenCvSharpExtern", typeof(Cv2).Assembly, null, out _))
                {
                    reason = $"{LibraryFile} is not installed or cannot be loaded: add the NuGet package {RuntimePackage} to src/EdgePose.Native and build again";
                    return false;
                }

                s_loaded = true;
                OpenCvLogging.ApplyDeferred();
            }

            reason = string.Empty;
            return true;
        }
    }

    /// <summary>
    /// Loads the library for <paramref name="purpose"/> (e.g. "--video (annotated video)"), or throws
    /// <see cref="DllNotFoundException"/> with one line that names what needs it and the package to add.
    /// </summary>
    public static void Require(string purpose)
    {
        if (!TryLoad(out var reason))
        {
            throw new DllNotFoundException($"{purpose} needs OpenCV, and {reason}");
        }
    }

    /// <summary>Whether the library is mapped into this process (read from /proc/self/maps; false where that is not readable).</summary>
    public static bool IsMapped()
    {
        try
        {
            return File.ReadLines("/proc/self/maps").Any(l => l.EndsWith("/" + LibraryFile, StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }
}
