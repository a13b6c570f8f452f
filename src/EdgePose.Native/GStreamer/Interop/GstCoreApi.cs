using System.Runtime.InteropServices;
using EdgePose.Native.GStreamer.Handles;

namespace EdgePose.Native.GStreamer.Interop;

/// <summary>libgstreamer-1.0: initialisation, pipelines, elements, state, the element registry.</summary>
internal static partial class GstCoreApi
{
    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_init_check")]
    public static partial int InitCheck(IntPtr argc, IntPtr argv, out IntPtr error);

    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_version")]
    public static partial void Version(out uint major, out uint minor, out uint micro, out uint nano);

    /// <summary>Returns a floating reference (or null), and may set an error even when it returns an element.</summary>
    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_parse_launch", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr ParseLaunch(string description, out IntPtr error);

    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_object_ref_sink")]
    public static partial IntPtr ObjectRefSink(IntPtr obj);

    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_object_unref")]
    public static partial void ObjectUnref(IntPtr obj);

    /// <summary>A copy of the object's name, to be freed with g_free.</summary>
    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_object_get_name")]
    public static partial IntPtr ObjectGetName(IntPtr obj);

    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_element_set_state")]
    public static partial GstStateChangeReturn SetState(GstElementHandle element, GstState state);

    /// <summary>For a release path that holds only the raw pointer.</summary>
    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_element_set_state")]
    public static partial GstStateChangeReturn SetState(IntPtr element, GstState state);

    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_element_get_state")]
    public static partial GstStateChangeReturn GetState(GstElementHandle element, out GstState state, out GstState pending, ulong timeoutNs);

    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_element_get_bus")]
    public static partial GstBusHandle GetBus(GstElementHandle element);

    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_bin_get_by_name", StringMarshalling = StringMarshalling.Utf8)]
    public static partial GstElementHandle BinGetByName(GstElementHandle bin, string name);

    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_element_factory_find", StringMarshalling = StringMarshalling.Utf8)]
    public static partial GstObjectHandle ElementFactoryFind(string name);
}
