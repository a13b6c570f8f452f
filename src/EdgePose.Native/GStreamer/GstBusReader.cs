using System.Diagnostics;
using EdgePose.Native.GStreamer.Handles;
using EdgePose.Native.GStreamer.Interop;

namespace EdgePose.Native.GStreamer;

/// <summary>
/// Reads errors and warnings from a pipeline's bus without waiting. Popping also drops every other message
/// (state changes, stream status, tags), so the bus never grows however long the pipeline runs. An empty
/// bus costs no allocation.
/// </summary>
internal static class GstBusReader
{
    private const GstMessageType Wanted = GstMessageType.Error | GstMessageType.Warning;

    /// <summary>The next error or warning, or null when there is none (within <paramref name="waitNs"/> nanoseconds).</summary>
    public static GstBusMessage? Pop(GstBusHandle bus, long waitNs = 0)
    {
        var raw = waitNs > 0 ? GstBusApi.TimedPopFiltered(bus, (ulong)waitNs, Wanted) : GstBusApi.PopFiltered(bus, Wanted);
        if (raw == IntPtr.Zero)
        {
            return null;
        }

        using var message = GstMessageHandle.Own(raw);
        var isError = GstLayout.MessageType(raw) == GstMessageType.Error;
        IntPtr error, debug;
        if (isError)
        {
            GstBusApi.ParseError(message, out error, out debug);
        }
        else
        {
            GstBusApi.ParseWarning(message, out error, out debug);
        }

        var text = GLibApi.TakeError(error) ?? "no message";
        var detail = GLibApi.TakeString(debug);
        var src = GstLayout.MessageSource(raw);
        var element = src == IntPtr.Zero ? null : GLibApi.TakeString(GstCoreApi.ObjectGetName(src));
        return new GstBusMessage(isError, text, element, detail);
    }

    /// <summary>
    /// The first error on the bus, handing warnings to <paramref name="warn"/>; null when there is none, after
    /// waiting up to <paramref name="waitNs"/> nanoseconds for one (0: only what is there now).
    /// </summary>
    public static GstBusMessage? FirstError(GstBusHandle bus, Action<GstBusMessage>? warn, long waitNs = 0)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(waitNs * (Stopwatch.Frequency / 1e9));
        while (Pop(bus, Math.Max(0, (long)((deadline - Stopwatch.GetTimestamp()) * (1e9 / Stopwatch.Frequency)))) is { } m)
        {
            if (m.IsError)
            {
                return m;
            }

            warn?.Invoke(m);
        }

        return null;
    }
}
