using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using EdgePose.Core.Errors;
using EdgePose.Core.Events.Spool;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace EdgePose.Host.Sinks.Spool;

/// <summary>
/// Events kept on disk across a restart of the service (docs/events.md, "Spool"): append-only segment files of
/// length-prefixed, CRC-checked records (<see cref="SpoolRecord"/>) in one folder, read back oldest first and
/// deleted once every record in them was acknowledged. Capped in bytes: the oldest segments are dropped (counted,
/// logged) to make room. Opening checks every segment; a record cut short or damaged ends its segment (the
/// rest is cut off, with one log line). Durability: each record is one write to the operating system (a
/// crash of the process loses nothing appended); <see cref="Flush"/> syncs to the disk at most once a second,
/// and a finished segment and <see cref="Dispose"/> always sync (a power loss may lose the last second). Where
/// the oldest unacknowledged record is survives in the file "cursor" written at <see cref="Dispose"/>; without it
/// (a crash) the first segment is sent again (delivery is at least once). A "lock" file keeps a second process
/// out. Not thread-safe: one sender uses it.
/// </summary>
public sealed partial class EventSpool : IDisposable
{
    private const string CursorFile = "cursor";
    private static readonly TimeSpan s_syncInterval = TimeSpan.FromSeconds(1);

    private readonly string _dir;
    private readonly long _maxBytes;
    private readonly long _segmentBytes;
    private readonly ILogger _log;
    private readonly FileStream _lock;
    private readonly List<Segment> _segments = [];
    private readonly List<long> _sizes = [];
    private readonly Dictionary<string, string> _topics = new(StringComparer.Ordinal);
    private FileStream? _writer;
    private SafeFileHandle? _reader;
    private long _readerSegment;
    private byte[] _buffer = new byte[64 << 10];
    private long _nextNumber = 1;
    private long _ackOffset;
    private int _ackRecords;
    private long _readSegment;
    private long _readOffset;
    private int _readRecords;
    private int _records;
    private long _dropped;
    private long _lastSync = Environment.TickCount64;
    private bool _unsynced;

    private EventSpool(string dir, long maxBytes, ILogger log, FileStream lockFile)
    {
        _dir = dir;
        _maxBytes = maxBytes;
        _segmentBytes = SpoolSegments.SegmentBytes(maxBytes);
        _log = log;
        _lock = lockFile;
    }

    public string Directory => _dir;

    /// <summary>Events kept and not yet acknowledged.</summary>
    public int Count => _records - _ackRecords;

    /// <summary>Bytes of the segment files.</summary>
    public long Bytes => _segments.Sum(s => s.Bytes);

    /// <summary>Events dropped to stay under the cap (or too large for it), and records lost to damage.</summary>
    public long Dropped => _dropped;

    /// <summary>
    /// Opens (creating it if needed) the spool in <paramref name="dir"/> of at most <paramref name="maxBytes"/>:
    /// locks it, checks its segments and finds the oldest unacknowledged event. A folder that cannot be made or is
    /// in use by another process is an <see cref="InputException"/> naming it.
    /// </summary>
    public static EventSpool Open(string dir, long maxBytes, ILogger log)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, SpoolSegments.MinSegmentBytes);
        FileStream lockFile;
        try
        {
            System.IO.Directory.CreateDirectory(dir);
            lockFile = new FileStream(Path.Combine(dir, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (File.Exists(Path.Combine(dir, "lock")))
        {
            throw new InputException($"spool folder '{dir}' is in use by another process ({e.Message})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"spool folder '{dir}' cannot be created or written: {e.Message}");
        }

        var spool = new EventSpool(dir, maxBytes, log, lockFile);
        try
        {
            spool.Load();
        }
        catch
        {
            spool.Dispose();
            throw;
        }

        return spool;
    }

    /// <summary>Appends an event (copied); returns how many old events were dropped to make room (1 when this one alone is over the cap).</summary>
    public int Append(string topic, ReadOnlySpan<byte> payload)
    {
        int size = SpoolRecord.Size(topic, payload.Length);
        int magic = SpoolRecord.SegmentMagic.Length;
        if (size + magic > _maxBytes)
        {
            _dropped++;
            return 1;
        }

        long current = _writer is null ? 0 : _segments[^1].Bytes;
        bool fresh = SpoolSegments.StartsNewSegment(current, size, _segmentBytes);
        if (fresh)
        {
            CloseWriter();
        }

        _sizes.Clear();
        foreach (var s in _segments)
        {
            _sizes.Add(s.Bytes);
        }

        int dropped = DropOldest(SpoolSegments.SegmentsToDrop(_sizes, size + (fresh ? magic : 0), _maxBytes));
        if (_writer is null)
        {
            OpenNewSegment();
        }

        if (_buffer.Length < size)
        {
            _buffer = new byte[Math.Max(size, _buffer.Length * 2)];
        }

        int written = SpoolRecord.Write(_buffer, topic, payload);
        _writer!.Write(_buffer, 0, written);
        _unsynced = true;
        var last = _segments[^1];
        last.Bytes += written;
        last.Records++;
        _records++;
        return dropped;
    }

    /// <summary>
    /// Syncs records appended since the last sync to the disk when that is a second ago (they are with the
    /// operating system already); the sender calls it at least once a second while it waits.
    /// </summary>
    public void Flush()
    {
        if (_writer is not null && _unsynced && Environment.TickCount64 - _lastSync >= s_syncInterval.TotalMilliseconds)
        {
            _writer.Flush(flushToDisk: true);
            _lastSync = Environment.TickCount64;
            _unsynced = false;
        }
    }

    /// <summary>The next event after the last one read (oldest first); false when every kept event has been read.</summary>
    public bool TryReadNext(out SpooledEvent spooled)
    {
        spooled = default;
        while (true)
        {
            int i = _segments.FindIndex(s => s.Number >= _readSegment);
            if (i < 0)
            {
                return false;
            }

            var segment = _segments[i];
            if (segment.Number != _readSegment || (i == 0 && _readOffset < _ackOffset))
            {
                (_readSegment, _readOffset, _readRecords) = i == 0 ? (segment.Number, _ackOffset, _ackRecords) : (segment.Number, SpoolRecord.SegmentMagic.Length, 0);
            }

            if (_readRecords >= segment.Records)
            {
                if (i == _segments.Count - 1)
                {
                    return false;
                }

                (_readSegment, _readOffset, _readRecords) = (_segments[i + 1].Number, SpoolRecord.SegmentMagic.Length, 0);
                continue;
            }

            if (ReadRecord(segment, out spooled))
            {
                return true;
            }
        }
    }

    /// <summary>Reads again from the oldest unacknowledged event (after a lost connection).</summary>
    public void Rewind()
    {
        if (_segments.Count > 0)
        {
            (_readSegment, _readOffset, _readRecords) = (_segments[0].Number, _ackOffset, _ackRecords);
        }
    }

    /// <summary>
    /// Marks the event at <paramref name="position"/> delivered when it is the oldest unacknowledged one (else
    /// false: dropped meanwhile, or out of order); a segment whose events are all delivered is deleted.
    /// </summary>
    public bool Acknowledge(SpoolPosition position)
    {
        if (_segments.Count == 0 || position.Segment != _segments[0].Number || position.Offset != _ackOffset)
        {
            return false;
        }

        _ackOffset = position.Next;
        _ackRecords++;
        CollectDelivered();
        return true;
    }

    public void Dispose()
    {
        CloseWriter();
        _reader?.Dispose();
        _reader = null;
        try
        {
            var cursor = Path.Combine(_dir, CursorFile);
            if (_segments.Count > 0 && _ackRecords > 0)
            {
                var temp = cursor + ".tmp";
                using (var f = new FileStream(temp, FileMode.Create, FileAccess.Write))
                {
                    f.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{_segments[0].Number} {_ackOffset} {_ackRecords}\n")));
                    f.Flush(flushToDisk: true);
                }

                File.Move(temp, cursor, overwrite: true);
            }
            else
            {
                File.Delete(cursor);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogCursorFailed(_log, _dir, e.Message);
        }

        _lock.Dispose();
    }

    private void Load()
    {
        var files = new List<(long Number, string Path)>();
        foreach (var path in System.IO.Directory.EnumerateFiles(_dir, "*" + SpoolSegments.Extension))
        {
            if (SpoolSegments.TryParseFileName(Path.GetFileName(path), out long number))
            {
                files.Add((number, path));
            }
        }

        files.Sort((a, b) => a.Number.CompareTo(b.Number));
        var (cursorSegment, cursorOffset) = ReadCursor();
        foreach (var (number, path) in files)
        {
            _nextNumber = number + 1;
            var bytes = File.ReadAllBytes(path);
            var segment = new Segment(number, path);
            int magic = SpoolRecord.SegmentMagic.Length;
            if (bytes.Length < magic || !bytes.AsSpan(0, magic).SequenceEqual(SpoolRecord.SegmentMagic))
            {
                LogDamaged(_log, path, 0, bytes.Length, "not a spool segment");
                File.Delete(path);
                continue;
            }

            long offset = magic;
            int before = -1;
            while (true)
            {
                if (number == cursorSegment && offset == cursorOffset)
                {
                    before = segment.Records;
                }

                var result = SpoolRecord.TryRead(bytes.AsSpan((int)offset), out _, out _, out int consumed);
                if (result == SpoolReadResult.Record)
                {
                    offset += consumed;
                    segment.Records++;
                    continue;
                }

                if (result != SpoolReadResult.End)
                {
                    LogDamaged(_log, path, offset, bytes.Length - offset, result == SpoolReadResult.Truncated ? "a record cut short" : "a damaged record");
                    using var f = new FileStream(path, FileMode.Open, FileAccess.Write);
                    f.SetLength(offset);
                    f.Flush(flushToDisk: true);
                }

                break;
            }

            segment.Bytes = offset;
            if (segment.Records == 0)
            {
                File.Delete(path);
                continue;
            }

            if (_segments.Count == 0 && before > 0)
            {
                (_ackOffset, _ackRecords) = (cursorOffset, before);
            }
            else if (_segments.Count == 0)
            {
                (_ackOffset, _ackRecords) = (magic, 0);
            }

            _segments.Add(segment);
            _records += segment.Records;
        }

        CollectDelivered();
        Rewind();
        if (Count > 0)
        {
            LogLoaded(_log, _dir, Count, Bytes);
        }
    }

    private (long Segment, long Offset) ReadCursor()
    {
        try
        {
            var parts = File.ReadAllText(Path.Combine(_dir, CursorFile)).Split(' ', StringSplitOptions.TrimEntries);
            if (parts.Length == 3 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out long segment) && long.TryParse(parts[1], CultureInfo.InvariantCulture, out long offset))
            {
                return (segment, offset);
            }
        }
        catch (FileNotFoundException)
        {
        }

        return (0, 0);
    }

    /// <summary>Deletes the oldest segments whose events were all delivered; all of them when nothing is left.</summary>
    private void CollectDelivered()
    {
        while (_segments.Count > 0 && _ackRecords >= _segments[0].Records)
        {
            var head = _segments[0];
            if (_writer is not null && _segments.Count == 1)
            {
                CloseWriter();
            }

            RemoveHead();
            _records -= head.Records;
            (_ackOffset, _ackRecords) = (SpoolRecord.SegmentMagic.Length, 0);
        }
    }

    private int DropOldest(int count)
    {
        int dropped = 0;
        for (int i = 0; i < count && _segments.Count > 0; i++)
        {
            var head = _segments[0];
            int pending = head.Records - _ackRecords;
            if (_segments.Count == 1)
            {
                CloseWriter();
            }

            RemoveHead();
            _records -= head.Records;
            (_ackOffset, _ackRecords) = (SpoolRecord.SegmentMagic.Length, 0);
            dropped += pending;
        }

        if (dropped > 0)
        {
            _dropped += dropped;
            LogDropped(_log, _dir, _maxBytes, dropped, _dropped);
        }

        return dropped;
    }

    private void RemoveHead()
    {
        var head = _segments[0];
        if (_readerSegment == head.Number)
        {
            _reader?.Dispose();
            _reader = null;
        }

        _segments.RemoveAt(0);
        File.Delete(head.Path);
    }

    private void OpenNewSegment()
    {
        long number = _nextNumber++;
        var path = Path.Combine(_dir, SpoolSegments.FileName(number));
        _writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0);
        _writer.Write(SpoolRecord.SegmentMagic);
        if (_segments.Count == 0)
        {
            (_ackOffset, _ackRecords) = (SpoolRecord.SegmentMagic.Length, 0);
        }

        _segments.Add(new Segment(number, path) { Bytes = SpoolRecord.SegmentMagic.Length });
    }

    private void CloseWriter()
    {
        if (_writer is not null)
        {
            _writer.Flush(flushToDisk: true);
            _writer.Dispose();
            _writer = null;
            _lastSync = Environment.TickCount64;
            _unsynced = false;
        }
    }

    private bool ReadRecord(Segment segment, out SpooledEvent spooled)
    {
        spooled = default;
        if (_reader is null || _readerSegment != segment.Number)
        {
            _reader?.Dispose();
            _reader = File.OpenHandle(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            _readerSegment = segment.Number;
        }

        int length = (int)Math.Min(_buffer.Length, segment.Bytes - _readOffset);
        int got = RandomAccess.Read(_reader, _buffer.AsSpan(0, length), _readOffset);
        var result = SpoolRecord.TryRead(_buffer.AsSpan(0, got), out var topic, out var payload, out int consumed);
        if (result == SpoolReadResult.Truncated && got == _buffer.Length && got >= SpoolRecord.HeaderBytes)
        {
            // A record larger than the buffer: make room for it and read it whole.
            long need = SpoolRecord.HeaderBytes + (long)BinaryPrimitives.ReadUInt32LittleEndian(_buffer);
            if (need > _buffer.Length && need <= SpoolRecord.HeaderBytes + SpoolRecord.MaxBodyBytes)
            {
                _buffer = new byte[need];
                return ReadRecord(segment, out spooled);
            }
        }

        if (result != SpoolReadResult.Record)
        {
            // Checked at open and written by this process: only a file changed underneath gets here. Skip the rest of the segment.
            int lost = segment.Records - _readRecords;
            LogDamaged(_log, segment.Path, _readOffset, segment.Bytes - _readOffset, "a damaged record");
            segment.Records = _readRecords;
            _records -= lost;
            _dropped += lost;
            segment.Bytes = _readOffset;
            CollectDelivered();
            return false;
        }

        var position = new SpoolPosition(segment.Number, _readOffset, _readOffset + consumed);
        spooled = new SpooledEvent(position, Topic(topic), payload.ToArray());
        _readOffset += consumed;
        _readRecords++;
        return true;
    }

    private string Topic(ReadOnlySpan<byte> utf8)
    {
        var text = Encoding.UTF8.GetString(utf8);
        if (_topics.TryGetValue(text, out var known))
        {
            return known;
        }

        if (_topics.Count < 1024)
        {
            _topics[text] = text;
        }

        return text;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spool {Path}: {Problem} at byte {Offset}; the {Bytes} byte(s) from there on are ignored")]
    private static partial void LogDamaged(ILogger logger, string path, long offset, long bytes, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Spool {Dir}: {Count} event(s) ({Bytes} bytes) kept from before; sent first")]
    private static partial void LogLoaded(ILogger logger, string dir, int count, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spool {Dir} full ({Max} bytes): dropped the oldest {Count} event(s), {Total} so far")]
    private static partial void LogDropped(ILogger logger, string dir, long max, int count, long total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spool {Dir}: cannot save where the delivered events end ({Reason}); some may be sent again")]
    private static partial void LogCursorFailed(ILogger logger, string dir, string reason);

    private sealed class Segment(long number, string path)
    {
        public long Number { get; } = number;

        public string Path { get; } = path;

        public long Bytes { get; set; }

        public int Records { get; set; }
    }
}
