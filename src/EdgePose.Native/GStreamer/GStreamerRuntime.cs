using System.Runtime.InteropServices;
using EdgePose.Native.GStreamer.Interop;

namespace EdgePose.Native.GStreamer;

/// <summary>
/// Loads and initialises GStreamer once per process. A missing library is one clear error naming the
/// library and the Debian package that carries it; JetPack ships the same libraries.
/// </summary>
public static class GStreamerRuntime
{
    private static readonly Lock s_lock = new();
    private static string? s_version;

    /// <summary>The libraries GStreamer sources need, with the Debian package of each.</summary>
    public static readonly IReadOnlyList<(string Library, string Package)> Libraries =
    [
        (GstLibraries.GLib, "libglib2.0-0"),
        (GstLibraries.Core, GstLibraries.CorePackage),
        (GstLibraries.App, GstLibraries.PluginsBasePackage),
        (GstLibraries.Video, GstLibraries.PluginsBasePackage),
    ];

    /// <summary>GStreamer's version ("1.22.0"), initialising it first.</summary>
    public static string Version
    {
        get
        {
            EnsureInitialized();
            return s_version!;
        }
    }

    /// <summary>Whether GStreamer loads and initialises here (false instead of an exception).</summary>
    public static bool IsAvailable(out string? reason)
    {
        try
        {
            EnsureInitialized();
            reason = null;
            return true;
        }
        catch (GStreamerException e)
        {
            reason = e.Message;
            return false;
        }
    }

    /// <summary>Loads the libraries and calls gst_init_check once; throws <see cref="GStreamerException"/> when that fails.</summary>
    public static void EnsureInitialized()
    {
        lock (s_lock)
        {
            if (s_version is not null)
            {
                return;
            }

            if (MissingLibraryMessage(static name => NativeLibrary.TryLoad(name, out _)) is { } missing)
            {
                throw new GStreamerException(missing);
            }

            if (GstCoreApi.InitCheck(IntPtr.Zero, IntPtr.Zero, out var error) == 0)
            {
                throw new GStreamerException($"GStreamer failed to initialise: {GLibApi.TakeError(error) ?? "no reason given"}");
            }

            GstCoreApi.Version(out var major, out var minor, out var micro, out _);
            s_version = FormattableString.Invariant($"{major}.{minor}.{micro}");
        }
    }

    /// <summary>
    /// The error for the first of <see cref="Libraries"/> that <paramref name="tryLoad"/> cannot load, or
    /// null when all load.
    /// </summary>
    public static string? MissingLibraryMessage(Func<string, bool> tryLoad)
    {
        ArgumentNullException.ThrowIfNull(tryLoad);
        foreach (var (library, package) in Libraries)
        {
            if (!tryLoad(library))
            {
                return $"GStreamer not found: cannot load {library}; install the Debian package {package} (scripts/setup.sh installs GStreamer and its plugins)";
            }
        }

        return null;
    }
}
