using EdgePose.Core.Events.Spool;

namespace EdgePose.Core.Tests.Events.Spool;

public sealed class SpoolSegmentsTests
{
    [Fact]
    public void Segment_file_names_sort_in_number_order_and_parse_back()
    {
        Assert.Equal("0000000000000042.seg", SpoolSegments.FileName(42));
        Assert.True(string.CompareOrdinal(SpoolSegments.FileName(9), SpoolSegments.FileName(10)) < 0);
        Assert.True(SpoolSegments.TryParseFileName("0000000000000042.seg", out long n));
        Assert.Equal(42, n);
        Assert.False(SpoolSegments.TryParseFileName("cursor", out _));
        Assert.False(SpoolSegments.TryParseFileName("000000000000004x.seg", out _));
        Assert.False(SpoolSegments.TryParseFileName("0000000000000000.seg", out _));
    }

    [Theory]
    [InlineData(128L << 20, 4L << 20)]
    [InlineData(8L << 20, 1L << 20)]
    [InlineData(4096, 1024)]
    public void A_segment_is_an_eighth_of_the_cap_within_limits(long cap, long segment)
    {
        Assert.Equal(segment, SpoolSegments.SegmentBytes(cap));
    }

    [Fact]
    public void A_new_segment_starts_when_none_is_open_or_the_record_would_overfill_it()
    {
        Assert.True(SpoolSegments.StartsNewSegment(0, 100, 1024));
        Assert.False(SpoolSegments.StartsNewSegment(900, 100, 1024));
        Assert.True(SpoolSegments.StartsNewSegment(1000, 100, 1024));
        // A record bigger than a segment goes into the empty segment just opened rather than none.
        Assert.False(SpoolSegments.StartsNewSegment(8, 5000, 1024));
    }

    [Fact]
    public void The_oldest_segments_are_dropped_until_the_new_bytes_fit()
    {
        Assert.Equal(0, SpoolSegments.SegmentsToDrop([1000, 1000], 100, 4096));
        Assert.Equal(1, SpoolSegments.SegmentsToDrop([1000, 1000, 1000, 1000], 100, 4096));
        Assert.Equal(2, SpoolSegments.SegmentsToDrop([1000, 1000, 1000, 1000], 1500, 4096));
        Assert.Equal(3, SpoolSegments.SegmentsToDrop([1000, 1000, 1000], 5000, 4096));
    }
}
