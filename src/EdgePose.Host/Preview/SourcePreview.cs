using System.Diagnostics;
using System.Buffers;
using System.IO.Pipelines;
using EdgePose.Core.Pipeline;

namespace EdgePose.Host.Preview;

/// <summary>
/// The preview of one source: its latest JPEG (only the latest is kept), how many clients watch it, and a
/// wake-up for clients waiting for the next JPEG. The sink publishes; HTTP clients copy the JPEG out under a
/// short lock, so a slow client only ever misses frames and never holds up the sink. Thread-safe.
/// </summary>
internal sealed class SourcePreview
{
    private readonly Lock _lock = new();
    private byte[] _jpeg = [];
    private int _length;
    private long _version;
    private long _publishedTicks;
    private int _width;
    private int _height;
    private int _watchers;
    private int _lastPersons;
    private TaskCompletionSource? _next;

    public SourcePreview(PipelineSource source, TimeSpan minInterval)
    {
        Source = source;
        Pacer = new FramePacer(minInterval);
    }

    public PipelineSource Source { get; }

    /// <summary>When the sink may make this source's next JPEG (used by the sink's task only).</summary>
    public FramePacer Pacer { get; }

    /// <summary>Clients streaming or waiting for a snapshot; the sink does no work for a source nobody watches.</summary>
    public int Watchers => Volatile.Read(ref _watchers);

    /// <summary>Persons in the last result the sink saw for this source (watched or not).</summary>
    public int LastPersons
    {
        get => Volatile.Read(ref _lastPersons);
        set => Volatile.Write(ref _lastPersons, value);
    }

    /// <summary>JPEGs published so far (0: none yet).</summary>
    public long Version
    {
        get
        {
            lock (_lock)
            {
                return _version;
            }
        }
    }

    /// <summary>Size of the latest JPEG (0 x 0 before the first).</summary>
    public (int Width, int Height) Size
    {
        get
        {
            lock (_lock)
            {
                return (_width, _height);
            }
        }
    }

    /// <summary>Time since the latest JPEG was published (max when there is none).</summary>
    public TimeSpan Age
    {
        get
        {
            lock (_lock)
            {
                return _version == 0 ? TimeSpan.MaxValue : Stopwatch.GetElapsedTime(_publishedTicks);
            }
        }
    }

    /// <summary>Counts one watcher until the returned handle is disposed.</summary>
    public Watch StartWatching()
    {
        Interlocked.Increment(ref _watchers);
        return new Watch(this);
    }

    /// <summary>Keeps <paramref name="jpeg"/> as the latest and wakes the waiting clients. Allocates only when a JPEG outgrows the buffer.</summary>
    public void Publish(ReadOnlySpan<byte> jpeg, int width, int height)
    {
        TaskCompletionSource? wake;
        lock (_lock)
        {
            if (_jpeg.Length < jpeg.Length)
            {
                _jpeg = new byte[Math.Max(jpeg.Length + (jpeg.Length / 4), 2 * _jpeg.Length)];
            }

            jpeg.CopyTo(_jpeg);
            _length = jpeg.Length;
            _width = width;
            _height = height;
            _version++;
            _publishedTicks = Stopwatch.GetTimestamp();
            wake = _next;
            _next = null;
        }

        wake?.TrySetResult();
    }

    /// <summary>
    /// Writes the latest JPEG into <paramref name="writer"/>, after what <paramref name="header"/> writes for
    /// its length and before <paramref name="trailer"/>, all under the lock (a newer JPEG cannot slip in between).
    /// Returns the JPEG's version; 0 (and nothing written) when there is none.
    /// </summary>
    public long WriteLatest(PipeWriter writer, Action<PipeWriter, int> header, ReadOnlySpan<byte> trailer)
    {
        lock (_lock)
        {
            if (_version > 0)
            {
                header(writer, _length);
                writer.Write(_jpeg.AsSpan(0, _length));
                writer.Write(trailer);
            }

            return _version;
        }
    }

    /// <summary>A copy of the latest JPEG (tests, snapshots to files); empty when there is none.</summary>
    public byte[] LatestCopy()
    {
        lock (_lock)
        {
            return _jpeg.AsSpan(0, _length).ToArray();
        }
    }

    /// <summary>
    /// Waits until a JPEG newer than <paramref name="seen"/> is published; false when none came within
    /// <paramref name="timeout"/>. Throws <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public async Task<bool> WaitNewerAsync(long seen, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task next;
        lock (_lock)
        {
            if (_version > seen)
            {
                return true;
            }

            // One wake-up shared by every waiting client, made only while someone waits.
            _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            next = _next.Task;
        }

        try
        {
            await next.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>One watcher of a source; disposing it stops counting it.</summary>
    public readonly struct Watch(SourcePreview preview) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref preview._watchers);
    }
}
