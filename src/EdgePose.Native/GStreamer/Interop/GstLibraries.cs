namespace EdgePose.Native.GStreamer.Interop;

/// <summary>The GStreamer and GLib runtime libraries, by their Debian (and JetPack) file names, and the packages that carry them.</summary>
internal static class GstLibraries
{
    public const string Core = "libgstreamer-1.0.so.0";
    public const string App = "libgstapp-1.0.so.0";
    public const string Video = "libgstvideo-1.0.so.0";
    public const string GLib = "libglib-2.0.so.0";

    /// <summary>Debian package of <see cref="Core"/>.</summary>
    public const string CorePackage = "libgstreamer1.0-0";

    /// <summary>Debian package of <see cref="App"/> and <see cref="Video"/>.</summary>
    public const string PluginsBasePackage = "libgstreamer-plugins-base1.0-0";
}
