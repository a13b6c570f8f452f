using System.Diagnostics;
using EdgePose.Core.Sources;
using EdgePose.Native.GStreamer.Handles;
using EdgePose.Native.GStreamer.Interop;

namespace EdgePose.Native.GStreamer;

/// <summary>
/// Reads frames from a GStreamer pipeline that ends in "appsink name=sink" (see <see cref="SourcePipelineBuilder"/>),
/// as BGR or NV12, into memory the caller owns: each read copies the mapped buffer, row by row where the strides
/// differ, and allocates nothing in steady state. Opening waits for the first frame up to
/// <see cref="GstFrameSourceOptions.OpenTimeout"/>; a read waits up to <see cref="GstFrameSourceOptions.ReadTimeout"/>
/// and then reports <see cref="FrameReadStatus.TimedOut"/> (stalled). Errors on the pipeline's bus become a
/// <see cref="GStreamerException"/> naming the source, credentials hidden, within about 0.1 s (opening included),
/// and so does the end of a source that never ends by itself (<see cref="SourcePipeline.EndIsFailure"/>: an RTSP
/// server that went away). Not thread-safe: one reader.
/// </summary>
public sealed class GstFrameSource : IDisposable
{
    // Waits are cut into slices so that a pipeline error is seen within one slice instead of at the timeout.
    private static readonly long s_sliceNs = 100_000_000;

    // A failed state change is seen before the element's error reaches the bus (rtspsrc posts it from its own
    // thread): how long to wait for that error, which names the cause, before reporting the bare failure.
    private static readonly long s_failureWaitNs = 1_000_000_000;

    private readonly GstPipelineHandle _pipeline;
    private readonly GstElementHandle _sink;
    private readonly GstBusHandle _bus;
    private readonly GstFrameSourceOptions _options;
    private readonly bool _endIsFailure;
    private readonly Action<GstBusMessage> _warn;
    private GstBusMessage? _lastWarning;
    private GstSampleHandle? _held;
    private GstCapsHandle? _caps;

    private GstFrameSource(string name, GstPipelineHandle pipeline, GstElementHandle sink, GstBusHandle bus, GstFrameSourceOptions options, bool endIsFailure)
    {
        Name = name;
        _pipeline = pipeline;
        _sink = sink;
        _bus = bus;
        _options = options;
        _endIsFailure = endIsFailure;
        var warn = options.Warn;
        _warn = m =>
        {
            _lastWarning = m;
            warn?.Invoke(CredentialMask.Mask($"source '{Name}': {m}"));
        };
    }

    /// <summary>The source's name in messages (credentials hidden).</summary>
    public string Name { get; }

    /// <summary>Size and pixel format of the frames (known once open; changes only with <see cref="FrameReadStatus.FormatChanged"/>).</summary>
    public VideoFrameFormat Format { get; private set; }

    /// <summary>Frames handed over so far.</summary>
    public long FramesRead { get; private set; }

    /// <summary>Opens <paramref name="pipeline"/> for the source called <paramref name="name"/> and waits for its first frame.</summary>
    public static GstFrameSource Open(SourcePipeline pipeline, string name, GstFrameSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return Open(pipeline.Launch, name, options, pipeline.EndIsFailure);
    }

    /// <summary>
    /// Opens a gst-launch description ending in "appsink name=sink" and waits for its first frame. With
    /// <paramref name="endIsFailure"/> its end of stream is a <see cref="GStreamerException"/>, not <see cref="FrameReadStatus.EndOfStream"/>.
    /// </summary>
    public static GstFrameSource Open(string launch, string name, GstFrameSourceOptions options, bool endIsFailure = false)
    {
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(options);
        name = CredentialMask.Mask(name);
        GStreamerRuntime.EnsureInitialized();
        var pipeline = Parse(launch, name);
        GstElementHandle? sink = null;
        GstBusHandle? bus = null;
        try
        {
            sink = GstCoreApi.BinGetByName(pipeline, SourcePipeline.SinkName);
            if (sink.IsInvalid || !GstElementInfo.IsAppSink(sink))
            {
                throw new GStreamerException($"source '{name}': the pipeline has no appsink named '{SourcePipeline.SinkName}'");
            }

            bus = GstCoreApi.GetBus(pipeline);
        }
        catch
        {
            bus?.Dispose();
            sink?.Dispose();
            pipeline.Dispose();
            throw;
        }

        var source = new GstFrameSource(name, pipeline, sink, bus, options, endIsFailure);
        try
        {
            source.Start();
            return source;
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next frame into a tightly packed <paramref name="destination"/> (<see cref="VideoFrameFormat.TightBytes"/>).</summary>
    public FrameReadStatus Read(Span<byte> destination, out FrameStamp stamp) => Read(destination, Format.MinStride, out stamp);

    /// <summary>
    /// Reads the next frame into <paramref name="destination"/>, rows <paramref name="destinationStride"/> bytes
    /// apart (<see cref="VideoFrameFormat.BytesFor"/> bytes). Waits at most the read timeout.
    /// </summary>
    public FrameReadStatus Read(Span<byte> destination, int destinationStride, out FrameStamp stamp) =>
        Read(destination, destinationStride, out stamp, CancellationToken.None);

    /// <summary>
    /// As <see cref="Read(Span{byte}, int, out FrameStamp)"/>; a cancelled <paramref name="cancellationToken"/> ends the
    /// wait within one 100 ms slice, reported as <see cref="FrameReadStatus.TimedOut"/>.
    /// </summary>
    public unsafe FrameReadStatus Read(Span<byte> destination, int destinationStride, out FrameStamp stamp, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_pipeline.IsClosed, this);
        stamp = default;
        if (destinationStride < Format.MinStride || destination.Length < Format.BytesFor(destinationStride))
        {
            throw new ArgumentException($"destination of {destination.Length} bytes, stride {destinationStride}, cannot hold a {Format} frame", nameof(destination));
        }

        IntPtr sample;
        if (_held is not null)
        {
            // The handle keeps owning the held reference until the copy is done.
            sample = _held.DangerousGetHandle();
        }
        else
        {
            var status = Pull(Stopwatch.GetTimestamp() + Stopwatch.Frequency * (long)_options.ReadTimeout.TotalMilliseconds / 1000, out sample, cancellationToken);
            if (status == FrameReadStatus.EndOfStream && _endIsFailure)
            {
                throw new GStreamerException(CredentialMask.Mask(_lastWarning is { } w ? $"source '{Name}' failed: the stream ended: {w}" : $"source '{Name}' failed: the stream ended"));
            }

            if (status != FrameReadStatus.Frame)
            {
                return status;
            }
        }

        var keep = false;
        try
        {
            var caps = GstSampleApi.SampleGetCaps(sample);
            if (_caps is null || caps != _caps.Pointer)
            {
                var format = ReadFormat(caps);
                _caps?.Dispose();
                _caps = GstCapsHandle.Ref(caps);
                if (format != Format)
                {
                    // Hand the new format over first; the frame waits for a destination that fits it.
                    Format = format;
                    _held ??= GstSampleHandle.Own(sample);
                    keep = true;
                    return FrameReadStatus.FormatChanged;
                }
            }

            var buffer = GstSampleApi.SampleGetBuffer(sample);
            var layout = GstFrameLayout.Of(buffer, Format);
            GstMapInfo map;
            if (GstSampleApi.BufferMap(buffer, &map, GstMapFlags.Read) == 0)
            {
                throw new GStreamerException($"source '{Name}': a frame buffer could not be mapped");
            }

            try
            {
                if ((long)map.Size < layout.RequiredBytes(Format))
                {
                    throw new GStreamerException($"source '{Name}': a {Format} frame came in a buffer of only {map.Size} bytes");
                }

                FramePlaneCopier.Copy(map.Data, layout, Format, destination, destinationStride);
            }
            finally
            {
                GstSampleApi.BufferUnmap(buffer, &map);
            }

            stamp = new FrameStamp(FramesRead, Stopwatch.GetTimestamp(), GstLayout.BufferPts(buffer));
            FramesRead++;
            _lastWarning = null;
            return FrameReadStatus.Frame;
        }
        finally
        {
            if (!keep)
            {
                Release(sample);
            }
        }
    }

    public void Dispose()
    {
        _held?.Dispose();
        _held = null;
        _caps?.Dispose();
        _sink.Dispose();
        _bus.Dispose();
        _pipeline.Dispose();
    }

    /// <summary>Drops the frame just read: the held sample's handle, or the raw reference a pull returned.</summary>
    private void Release(IntPtr sample)
    {
        if (_held is not null)
        {
            _held.Dispose();
            _held = null;
        }
        else
        {
            GstSampleApi.SampleUnref(sample);
        }
    }

    private static GstPipelineHandle Parse(string launch, string name)
    {
        var raw = GstCoreApi.ParseLaunch(launch, out var error);
        var message = GLibApi.TakeError(error);
        if (raw != IntPtr.Zero)
        {
            raw = GstCoreApi.ObjectRefSink(raw);
        }

        var pipeline = GstPipelineHandle.Own(raw);
        if (message is not null || raw == IntPtr.Zero)
        {
            pipeline.Dispose();
            throw new GStreamerException(CredentialMask.Mask($"source '{name}': bad pipeline: {message ?? "GStreamer could not parse it"}"));
        }

        return pipeline;
    }

    private void Start()
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * (long)_options.OpenTimeout.TotalMilliseconds / 1000;
        if (GstCoreApi.SetState(_pipeline, GstState.Playing) == GstStateChangeReturn.Failure)
        {
            ThrowIfError(s_failureWaitNs);
            throw new GStreamerException($"source '{Name}' could not start");
        }

        WaitUntilStarted(deadline);

        switch (Pull(deadline, out var sample))
        {
            case FrameReadStatus.EndOfStream:
                throw new GStreamerException($"source '{Name}' ended before its first frame");
            case FrameReadStatus.TimedOut:
                throw new GStreamerException(FormattableString.Invariant($"source '{Name}' gave no frame within {_options.OpenTimeout.TotalSeconds:0.###} s"));
        }

        _held = GstSampleHandle.Own(sample);
        var caps = GstSampleApi.SampleGetCaps(sample);
        Format = ReadFormat(caps);
        _caps = GstCapsHandle.Ref(caps);
    }

    /// <summary>
    /// Waits for the state change to PLAYING to finish, in slices, watching the bus: a source that fails while
    /// changing state (rtspsrc's asynchronous open of an unreachable server) posts an error and never finishes,
    /// and must not hold the caller until the deadline. Returns at the deadline too; the first pull then times out.
    /// </summary>
    private void WaitUntilStarted(long deadline)
    {
        while (true)
        {
            ThrowIfError();
            var result = GstCoreApi.GetState(_pipeline, out _, out _, (ulong)Math.Min(RemainingNs(deadline), s_sliceNs));
            if (result == GstStateChangeReturn.Failure)
            {
                ThrowIfError(s_failureWaitNs);
                throw new GStreamerException($"source '{Name}' could not start");
            }

            if (result != GstStateChangeReturn.Async || RemainingNs(deadline) == 0)
            {
                return;
            }
        }
    }

    /// <summary>Waits for a sample until <paramref name="deadline"/> (Stopwatch ticks), watching the bus.</summary>
    private FrameReadStatus Pull(long deadline, out IntPtr sample, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                sample = IntPtr.Zero;
                return FrameReadStatus.TimedOut;
            }

            ThrowIfError();
            var remaining = RemainingNs(deadline);
            sample = GstAppApi.TryPullSample(_sink, (ulong)Math.Min(remaining, s_sliceNs));
            if (sample != IntPtr.Zero)
            {
                return FrameReadStatus.Frame;
            }

            if (GstAppApi.IsEos(_sink) != 0)
            {
                ThrowIfError();
                return FrameReadStatus.EndOfStream;
            }

            if (RemainingNs(deadline) == 0)
            {
                ThrowIfError();
                return FrameReadStatus.TimedOut;
            }
        }
    }

    private static long RemainingNs(long deadline)
    {
        var ticks = deadline - Stopwatch.GetTimestamp();
        return ticks <= 0 ? 0 : (long)(ticks * (1e9 / Stopwatch.Frequency));
    }

    /// <summary>Throws the first error on the bus, waiting up to <paramref name="waitNs"/> nanoseconds for one.</summary>
    private void ThrowIfError(long waitNs = 0)
    {
        if (GstBusReader.FirstError(_bus, _warn, waitNs) is { } error)
        {
            throw new GStreamerException(CredentialMask.Mask($"source '{Name}' failed: {error}"));
        }
    }

    private VideoFrameFormat ReadFormat(IntPtr caps) =>
        GstCapsReader.TryRead(caps, out var format, out var unsupported)
            ? format
            : throw new GStreamerException($"source '{Name}' hands over {unsupported}; EdgePose reads video/x-raw BGR or NV12");
}
