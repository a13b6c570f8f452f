using System.Runtime.InteropServices;

namespace EdgePose.Native.GStreamer.Interop;

/// <summary>libglib-2.0: freeing what GStreamer hands over (GError, strings).</summary>
internal static partial class GLibApi
{
    [LibraryImport(GstLibraries.GLib, EntryPoint = "g_error_free")]
    public static partial void ErrorFree(IntPtr error);

    [LibraryImport(GstLibraries.GLib, EntryPoint = "g_free")]
    public static partial void Free(IntPtr memory);

    /// <summary>A GError's message, freeing the error; null for a null error.</summary>
    public static string? TakeError(IntPtr error)
    {
        if (error == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return GstLayout.ErrorMessage(error);
        }
        finally
        {
            ErrorFree(error);
        }
    }

    /// <summary>A UTF-8 string GLib allocated, freeing it; null for null.</summary>
    public static string? TakeString(IntPtr text)
    {
        if (text == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(text);
        }
        finally
        {
            Free(text);
        }
    }
}
