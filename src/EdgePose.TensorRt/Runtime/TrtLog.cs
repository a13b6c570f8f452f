using System.Runtime.InteropServices;
using EdgePose.Native.TensorRt;

namespace EdgePose.TensorRt.Runtime;

/// <summary>
/// Where TensorRT's log messages go: one process-wide sink (TensorRT has one logger per process).
/// Without a sink they are dropped. The sink may be called from TensorRT's threads.
/// </summary>
public static class TrtLog
{
    private static volatile Action<TrtLogSeverity, string>? s_sink;

    /// <summary>Sends messages of <paramref name="maxSeverity"/> and worse to <paramref name="sink"/> (null: drop them).</summary>
    public static unsafe void SetSink(Action<TrtLogSeverity, string>? sink, TrtLogSeverity maxSeverity = TrtLogSeverity.Warning)
    {
        TensorRtLibrary.EnsureAvailable();
        s_sink = sink;
        delegate* unmanaged<nint, int, byte*, void> callback = &OnMessage;
        TrtErrors.Check(TrtApi.ept_set_log_callback(sink is null ? null : callback, 0, (int)maxSeverity), "TensorRT log");
    }

    [UnmanagedCallersOnly]
    private static unsafe void OnMessage(nint user, int severity, byte* message)
    {
        try
        {
            s_sink?.Invoke((TrtLogSeverity)severity, TrtText.FromPointer(message));
        }
        catch (Exception)
        {
            // An exception must not unwind into TensorRT; a failing sink loses the message only.
        }
    }
}
