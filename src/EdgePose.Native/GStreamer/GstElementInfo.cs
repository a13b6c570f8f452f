using System.Runtime.InteropServices;
using EdgePose.Native.GStreamer.Handles;

namespace EdgePose.Native.GStreamer;

/// <summary>What kind of element an element is (the name of its factory).</summary>
internal static partial class GstElementInfo
{
    public static bool IsAppSink(GstElementHandle element)
    {
        var factory = GetFactory(element);
        return factory != IntPtr.Zero && Marshal.PtrToStringUTF8(GetFeatureName(factory)) == "appsink";
    }

    /// <summary>Borrowed from the element.</summary>
    [LibraryImport(Interop.GstLibraries.Core, EntryPoint = "gst_element_get_factory")]
    private static partial IntPtr GetFactory(GstElementHandle element);

    /// <summary>Borrowed from the feature.</summary>
    [LibraryImport(Interop.GstLibraries.Core, EntryPoint = "gst_plugin_feature_get_name")]
    private static partial IntPtr GetFeatureName(IntPtr feature);
}
