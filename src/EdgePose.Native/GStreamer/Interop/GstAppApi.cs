using System.Runtime.InteropServices;
using EdgePose.Native.GStreamer.Handles;

namespace EdgePose.Native.GStreamer.Interop;

/// <summary>libgstapp-1.0: pulling samples from an appsink.</summary>
internal static partial class GstAppApi
{
    /// <summary>The next sample (a full reference, or null on timeout, EOS or a stopped pipeline).</summary>
    [LibraryImport(GstLibraries.App, EntryPoint = "gst_app_sink_try_pull_sample")]
    public static partial IntPtr TryPullSample(GstElementHandle sink, ulong timeoutNs);

    [LibraryImport(GstLibraries.App, EntryPoint = "gst_app_sink_is_eos")]
    public static partial int IsEos(GstElementHandle sink);
}
