using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace EdgePose.Core.Events.Spool;

/// <summary>
/// The on-disk format of the event spool (docs/events.md, "Spool"). A segment file starts with the 8 bytes
/// "EPSPOOL1" and holds records back to back, oldest first. A record is
/// <c>u32 body length | u32 CRC-32 of the body | body</c> (little-endian), and its body is
/// <c>u16 topic length | topic (UTF-8) | payload</c>. A record that is cut short (the process died while writing it)
/// or whose CRC does not match ends what can be read from its segment.
/// </summary>
public static class SpoolRecord
{
    /// <summary>Bytes before a record's body: its length and CRC.</summary>
    public const int HeaderBytes = 8;

    /// <summary>The largest body read back; a bigger length is corruption.</summary>
    public const int MaxBodyBytes = 64 << 20;

    /// <summary>The first bytes of every segment file.</summary>
    public static ReadOnlySpan<byte> SegmentMagic => "EPSPOOL1"u8;

    /// <summary>Bytes of the record of <paramref name="topic"/> and a payload of <paramref name="payloadBytes"/>.</summary>
    public static int Size(string topic, int payloadBytes) => HeaderBytes + 2 + Encoding.UTF8.GetByteCount(topic) + payloadBytes;

    /// <summary>Writes the record into <paramref name="destination"/> (at least <see cref="Size"/> bytes); returns its size.</summary>
    public static int Write(Span<byte> destination, string topic, ReadOnlySpan<byte> payload)
    {
        var body = destination[HeaderBytes..];
        int topicBytes = Encoding.UTF8.GetBytes(topic, body[2..]);
        if (topicBytes > ushort.MaxValue)
        {
            throw new ArgumentException("topic longer than 65535 bytes", nameof(topic));
        }

        BinaryPrimitives.WriteUInt16LittleEndian(body, (ushort)topicBytes);
        payload.CopyTo(body[(2 + topicBytes)..]);
        int bodyBytes = 2 + topicBytes + payload.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)bodyBytes);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Crc32.HashToUInt32(body[..bodyBytes]));
        return HeaderBytes + bodyBytes;
    }

    /// <summary>
    /// Reads the record at the start of <paramref name="data"/>: <see cref="SpoolReadResult.Record"/> with its topic
    /// and payload (slices of <paramref name="data"/>) and its size in <paramref name="consumed"/>;
    /// <see cref="SpoolReadResult.End"/> when <paramref name="data"/> is empty; <see cref="SpoolReadResult.Truncated"/>
    /// when it ends inside the record; <see cref="SpoolReadResult.Corrupt"/> when the record is damaged.
    /// </summary>
    public static SpoolReadResult TryRead(ReadOnlySpan<byte> data, out ReadOnlySpan<byte> topic, out ReadOnlySpan<byte> payload, out int consumed)
    {
        topic = default;
        payload = default;
        consumed = 0;
        if (data.IsEmpty)
        {
            return SpoolReadResult.End;
        }

        if (data.Length < HeaderBytes)
        {
            return SpoolReadResult.Truncated;
        }

        uint bodyBytes = BinaryPrimitives.ReadUInt32LittleEndian(data);
        if (bodyBytes is < 2 or > MaxBodyBytes)
        {
            return SpoolReadResult.Corrupt;
        }

        if (data.Length - HeaderBytes < bodyBytes)
        {
            return SpoolReadResult.Truncated;
        }

        var body = data.Slice(HeaderBytes, (int)bodyBytes);
        if (Crc32.HashToUInt32(body) != BinaryPrimitives.ReadUInt32LittleEndian(data[4..]))
        {
            return SpoolReadResult.Corrupt;
        }

        int topicBytes = BinaryPrimitives.ReadUInt16LittleEndian(body);
        if (topicBytes > body.Length - 2)
        {
            return SpoolReadResult.Corrupt;
        }

        topic = body.Slice(2, topicBytes);
        payload = body[(2 + topicBytes)..];
        consumed = HeaderBytes + (int)bodyBytes;
        return SpoolReadResult.Record;
    }
}
