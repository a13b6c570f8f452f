using System.Text;
using EdgePose.Core.Errors;
using EdgePose.Host.Sinks.Spool;
using EdgePose.Host.Tests.Sinks.Mqtt;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Sinks.Spool;

/// <summary>The on-disk spool's files: order across reopening, acknowledgements, the cap, a damaged tail, the lock.</summary>
public sealed class EventSpoolTests : IDisposable
{
    private const string Topic = "edgepose/edge-01/door/poses";
    private readonly string _dir = TestPaths.NewTempDir("edgepose-spool");
    private readonly RecordingLogger _log = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private EventSpool Open(long maxBytes = 1 << 20) => EventSpool.Open(_dir, maxBytes, _log);

    private static byte[] Event(int seq) => Encoding.UTF8.GetBytes($"{{\"seq\":{seq},\"pad\":\"{new string('x', 60)}\"}}");

    private static int Seq(SpooledEvent e) => int.Parse(Encoding.UTF8.GetString(e.Payload).Split(',')[0]["{\"seq\":".Length..], System.Globalization.CultureInfo.InvariantCulture);

    private static List<SpooledEvent> ReadAll(EventSpool spool)
    {
        var all = new List<SpooledEvent>();
        while (spool.TryReadNext(out var e))
        {
            all.Add(e);
        }

        return all;
    }

    private string[] Segments() => [.. Directory.GetFiles(_dir, "*.seg").Order(StringComparer.Ordinal)];

    [Fact]
    public void Events_survive_reopening_and_read_back_in_order()
    {
        using (var spool = Open())
        {
            for (int i = 0; i < 5; i++)
            {
                Assert.Equal(0, spool.Append(Topic, Event(i)));
            }
        }

        using var again = Open();
        var events = ReadAll(again);
        Assert.Equal(5, again.Count);
        Assert.Equal([0, 1, 2, 3, 4], events.Select(Seq));
        Assert.All(events, e => Assert.Equal(Topic, e.Topic));
        Assert.Contains(_log.Lines, l => l.Contains("5 event(s)", StringComparison.Ordinal) && l.Contains("kept from before", StringComparison.Ordinal));
    }

    [Fact]
    public void Acknowledged_events_are_not_sent_again_after_reopening_and_a_rewind_reads_the_rest_again()
    {
        using (var spool = Open())
        {
            for (int i = 0; i < 5; i++)
            {
                spool.Append(Topic, Event(i));
            }

            var read = ReadAll(spool);
            Assert.True(spool.Acknowledge(read[0].Position));
            Assert.False(spool.Acknowledge(read[2].Position)); // out of order: not the oldest
            Assert.True(spool.Acknowledge(read[1].Position));
            spool.Rewind();
            Assert.Equal([2, 3, 4], ReadAll(spool).Select(Seq));
        }

        using var again = Open();
        Assert.Equal(3, again.Count);
        Assert.Equal([2, 3, 4], ReadAll(again).Select(Seq));
    }

    [Fact]
    public void When_every_event_is_acknowledged_the_segments_are_deleted()
    {
        using var spool = Open(4096);
        for (int i = 0; i < 40; i++)
        {
            spool.Append(Topic, Event(i));
        }

        Assert.True(Segments().Length > 1);
        foreach (var e in ReadAll(spool))
        {
            Assert.True(spool.Acknowledge(e.Position));
        }

        Assert.Equal(0, spool.Count);
        Assert.Empty(Segments());
        spool.Append(Topic, Event(40));
        Assert.Equal([40], ReadAll(spool).Select(Seq));
    }

    [Fact]
    public void Over_the_cap_the_oldest_are_dropped_counted_and_logged_and_the_newest_kept_in_order()
    {
        const long cap = 4096;
        using var spool = Open(cap);
        int dropped = 0;
        for (int i = 0; i < 100; i++)
        {
            dropped += spool.Append(Topic, Event(i));
        }

        Assert.True(spool.Bytes <= cap, $"{spool.Bytes} bytes");
        Assert.Equal(dropped, spool.Dropped);
        Assert.Equal(100, dropped + spool.Count);
        var kept = ReadAll(spool).Select(Seq).ToList();
        Assert.Equal(Enumerable.Range(100 - kept.Count, kept.Count), kept);
        Assert.Contains(_log.Lines, l => l.Contains("full (4096 bytes): dropped the oldest", StringComparison.Ordinal));
        Assert.Equal(1, spool.Append(Topic, new byte[5000])); // larger than the cap alone
    }

    [Fact]
    public void A_record_cut_short_at_the_end_is_ignored_with_one_log_line_and_the_spool_goes_on()
    {
        using (var spool = Open())
        {
            for (int i = 0; i < 3; i++)
            {
                spool.Append(Topic, Event(i));
            }
        }

        var last = Segments()[^1];
        long whole = new FileInfo(last).Length;
        using (var f = new FileStream(last, FileMode.Append))
        {
            f.Write([200, 0, 0, 0, 1, 2, 3, 4, 5]); // a header promising 200 bytes, then the end
        }

        using var again = Open();
        Assert.Equal(3, again.Count);
        Assert.Single(_log.Lines, l => l.Contains("a record cut short at byte " + whole, StringComparison.Ordinal));
        Assert.Equal(whole, new FileInfo(last).Length);
        again.Append(Topic, Event(3));
        Assert.Equal([0, 1, 2, 3], ReadAll(again).Select(Seq));
    }

    [Fact]
    public void A_damaged_record_ends_what_is_read_of_its_segment()
    {
        using (var spool = Open())
        {
            for (int i = 0; i < 4; i++)
            {
                spool.Append(Topic, Event(i));
            }
        }

        var segment = Segments().Single();
        var bytes = File.ReadAllBytes(segment);
        int recordBytes = (bytes.Length - 8) / 4;
        bytes[8 + (2 * recordBytes) + 20] ^= 0xFF; // inside the third record's body
        File.WriteAllBytes(segment, bytes);

        using var again = Open();
        Assert.Equal([0, 1], ReadAll(again).Select(Seq));
        Assert.Single(_log.Lines, l => l.Contains("a damaged record", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_in_use_by_another_spool_is_an_error_naming_it()
    {
        using var first = Open();

        var e = Assert.Throws<InputException>(() => Open());

        Assert.StartsWith($"spool folder '{_dir}' is in use by another process", e.Message, StringComparison.Ordinal);
    }
}
