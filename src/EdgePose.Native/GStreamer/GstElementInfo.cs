using System.Runtime.InteropServices;
using EdgePose.Native.GStreamer.Handles;
using EdgePose.Native.GStreamer.Interop;

namespace EdgePose.Native.GStreamer;

/// <summary>What kind of element an element is (the name of its factory).</summary>
internal static partial class GstElementInfo
{
    public static bool IsAppSink(GstElementHandle element)
    {
        var factory = GetFactory(element);
        return factory != IntPtr.Zero && GLibApi.TakeString(GstCoreApi.ObjectGetName(factory)) == "appsink";
    }

    /// <summary>Borrowed from the element.</summary>
    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_element_get_factory")]
    private static partial IntPtr GetFactory(GstElementHandle element);
}
