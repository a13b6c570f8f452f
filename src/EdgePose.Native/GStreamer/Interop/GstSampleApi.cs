using System.Runtime.InteropServices;
using EdgePose.Native.GStreamer.Handles;

namespace EdgePose.Native.GStreamer.Interop;

/// <summary>
/// libgstreamer-1.0: samples, caps, structures and buffers. Called once a frame, so these take raw
/// pointers (owned by the caller's sample for the length of one read) and UTF-8 field names as byte*:
/// nothing here allocates.
/// </summary>
internal static unsafe partial class GstSampleApi
{
    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_sample_unref")]
    public static partial void SampleUnref(IntPtr sample);

    /// <summary>Borrowed from the sample.</summary>
    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_sample_get_caps")]
    public static partial IntPtr SampleGetCaps(IntPtr sample);

    /// <summary>Borrowed from the sample.</summary>
    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_sample_get_buffer")]
    public static partial IntPtr SampleGetBuffer(IntPtr sample);

    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_caps_ref")]
    public static partial IntPtr CapsRef(IntPtr caps);

    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_caps_unref")]
    public static partial void CapsUnref(IntPtr caps);

    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_caps_get_size")]
    public static partial uint CapsGetSize(IntPtr caps);

    /// <summary>Borrowed from the caps.</summary>
    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_caps_get_structure")]
    public static partial IntPtr CapsGetStructure(IntPtr caps, uint index);

    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_structure_get_int")]
    public static partial int StructureGetInt(IntPtr structure, byte* field, out int value);

    /// <summary>Borrowed from the structure; null when the field is missing or not a string.</summary>
    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_structure_get_string")]
    public static partial byte* StructureGetString(IntPtr structure, byte* field);

    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_buffer_map")]
    public static partial int BufferMap(IntPtr buffer, GstMapInfo* info, GstMapFlags flags);

    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_buffer_unmap")]
    public static partial void BufferUnmap(IntPtr buffer, GstMapInfo* info);
}
