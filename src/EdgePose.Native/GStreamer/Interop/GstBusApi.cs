using System.Runtime.InteropServices;
using EdgePose.Native.GStreamer.Handles;

namespace EdgePose.Native.GStreamer.Interop;

/// <summary>libgstreamer-1.0: a pipeline's bus and its messages.</summary>
internal static partial class GstBusApi
{
    /// <summary>
    /// The first message of <paramref name="types"/>, or null; messages of other types before it are dropped.
    /// Returns the raw pointer so that an empty bus (every frame) costs no allocation; wrap it in a <see cref="GstMessageHandle"/>.
    /// </summary>
    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_bus_pop_filtered")]
    public static partial IntPtr PopFiltered(GstBusHandle bus, GstMessageType types);

    /// <summary>As <see cref="PopFiltered"/>, waiting up to <paramref name="timeoutNs"/> nanoseconds for such a message.</summary>
    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_bus_timed_pop_filtered")]
    public static partial IntPtr TimedPopFiltered(GstBusHandle bus, ulong timeoutNs, GstMessageType types);

    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_message_unref")]
    public static partial void MessageUnref(IntPtr message);

    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_message_parse_error")]
    public static partial void ParseError(GstMessageHandle message, out IntPtr error, out IntPtr debug);

    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_message_parse_warning")]
    public static partial void ParseWarning(GstMessageHandle message, out IntPtr error, out IntPtr debug);

    [LibraryImport(GstLibraries.Core, EntryPoint = "gst_message_parse_state_changed")]
    public static partial void ParseStateChanged(GstMessageHandle message, out GstState oldState, out GstState newState, out GstState pending);
}
