using System.Text;
using EdgePose.Core.Events.Spool;

namespace EdgePose.Core.Tests.Events.Spool;

public sealed class SpoolRecordTests
{
    private static byte[] Record(string topic, string payload)
    {
        var bytes = new byte[SpoolRecord.Size(topic, Encoding.UTF8.GetByteCount(payload))];
        Assert.Equal(bytes.Length, SpoolRecord.Write(bytes, topic, Encoding.UTF8.GetBytes(payload)));
        return bytes;
    }

    [Fact]
    public void A_record_reads_back_as_its_topic_and_payload()
    {
        var bytes = Record("edgepose/edge-01/door/poses", "{\"seq\":1}");

        var result = SpoolRecord.TryRead(bytes, out var topic, out var payload, out int consumed);

        Assert.Equal(SpoolReadResult.Record, result);
        Assert.Equal("edgepose/edge-01/door/poses", Encoding.UTF8.GetString(topic));
        Assert.Equal("{\"seq\":1}", Encoding.UTF8.GetString(payload));
        Assert.Equal(bytes.Length, consumed);
    }

    [Fact]
    public void The_layout_is_length_crc_topic_length_topic_payload_little_endian()
    {
        var bytes = Record("t", "ab");

        Assert.Equal(8 + 2 + 1 + 2, bytes.Length);
        Assert.Equal([5, 0, 0, 0], bytes[..4]);
        Assert.Equal([1, 0, (byte)'t', (byte)'a', (byte)'b'], bytes[8..]);
        Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(bytes.AsSpan(8)), BitConverter.ToUInt32(bytes, 4));
    }

    [Fact]
    public void Records_back_to_back_read_in_order_and_then_end()
    {
        var data = Record("a", "1").Concat(Record("b", "22")).ToArray();

        Assert.Equal(SpoolReadResult.Record, SpoolRecord.TryRead(data, out var t1, out _, out int n1));
        Assert.Equal(SpoolReadResult.Record, SpoolRecord.TryRead(data.AsSpan(n1), out var t2, out var p2, out int n2));
        Assert.Equal(("a", "b", "22"), (Encoding.UTF8.GetString(t1), Encoding.UTF8.GetString(t2), Encoding.UTF8.GetString(p2)));
        Assert.Equal(SpoolReadResult.End, SpoolRecord.TryRead(data.AsSpan(n1 + n2), out _, out _, out _));
    }

    [Fact]
    public void A_record_cut_short_anywhere_is_truncated()
    {
        var bytes = Record("edgepose/x/poses", "{\"persons\":[]}");
        for (int cut = 1; cut < bytes.Length; cut++)
        {
            Assert.Equal(SpoolReadResult.Truncated, SpoolRecord.TryRead(bytes.AsSpan(0, cut), out _, out _, out _));
        }
    }

    [Fact]
    public void A_flipped_bit_in_the_body_or_crc_is_corrupt()
    {
        var bytes = Record("edgepose/x/poses", "{\"persons\":[]}");
        for (int i = 4; i < bytes.Length; i++)
        {
            var damaged = (byte[])bytes.Clone();
            damaged[i] ^= 0x10;
            Assert.Equal(SpoolReadResult.Corrupt, SpoolRecord.TryRead(damaged, out _, out _, out _));
        }
    }

    [Fact]
    public void An_impossible_length_is_corrupt_not_a_huge_read()
    {
        var bytes = new byte[16];
        BitConverter.TryWriteBytes(bytes, uint.MaxValue);

        Assert.Equal(SpoolReadResult.Corrupt, SpoolRecord.TryRead(bytes, out _, out _, out _));
        Assert.Equal(SpoolReadResult.Corrupt, SpoolRecord.TryRead(new byte[16], out _, out _, out _)); // zeros: length 0
    }
}
