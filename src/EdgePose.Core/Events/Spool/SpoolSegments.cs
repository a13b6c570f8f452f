using System.Globalization;

namespace EdgePose.Core.Events.Spool;

/// <summary>
/// The spool's segment decisions, without I/O: file names ("0000000000000001.seg", numbered in order), the size
/// of a segment for a spool cap, when to start a new segment, and how many of the oldest segments to drop so that
/// a new record fits under the cap. The cap is kept by whole segments (at most an eighth of it each), so a full
/// spool drops the oldest eighth or less at a time.
/// </summary>
public static class SpoolSegments
{
    public const string Extension = ".seg";

    /// <summary>The smallest and largest segment sizes.</summary>
    public const long MinSegmentBytes = 1024;

    public const long MaxSegmentBytes = 4L << 20;

    public static string FileName(long number) => number.ToString("D16", CultureInfo.InvariantCulture) + Extension;

    /// <summary>The number in a segment's file name; false for any other file.</summary>
    public static bool TryParseFileName(string fileName, out long number)
    {
        number = 0;
        return fileName.Length == 16 + Extension.Length
            && fileName.EndsWith(Extension, StringComparison.Ordinal)
            && long.TryParse(fileName.AsSpan(0, 16), NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number > 0;
    }

    /// <summary>Bytes a segment grows to before the next one starts, for a spool of at most <paramref name="spoolMaxBytes"/>.</summary>
    public static long SegmentBytes(long spoolMaxBytes) => Math.Clamp(spoolMaxBytes / 8, MinSegmentBytes, MaxSegmentBytes);

    /// <summary>True when a record of <paramref name="recordBytes"/> goes into a new segment rather than the current one of <paramref name="currentBytes"/> (header included; 0: none open).</summary>
    public static bool StartsNewSegment(long currentBytes, int recordBytes, long segmentBytes) =>
        currentBytes == 0 || (currentBytes > SpoolRecord.SegmentMagic.Length && currentBytes + recordBytes > segmentBytes);

    /// <summary>
    /// How many of the oldest segments (sizes in <paramref name="segmentBytes"/>, oldest first, the last one the
    /// one written to) to drop so that <paramref name="addedBytes"/> more fit within <paramref name="spoolMaxBytes"/>;
    /// all of them when even that is not enough.
    /// </summary>
    public static int SegmentsToDrop(IReadOnlyList<long> segmentBytes, long addedBytes, long spoolMaxBytes)
    {
        long total = 0;
        foreach (var b in segmentBytes)
        {
            total += b;
        }

        int drop = 0;
        while (drop < segmentBytes.Count && total + addedBytes > spoolMaxBytes)
        {
            total -= segmentBytes[drop++];
        }

        return drop;
    }
}
