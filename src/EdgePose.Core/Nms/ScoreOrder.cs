namespace EdgePose.Core.Nms;

/// <summary>
/// Orders candidates by descending score with ties kept in index order (a stable sort), as the
/// reference NMS does. Sorts 64-bit keys (inverted order-preserving score bits, index) in place: no
/// comparer, no allocation.
/// </summary>
public static class ScoreOrder
{
    /// <summary>Writes into <paramref name="order"/> the indices 0..n-1 of <paramref name="scores"/>, best first.</summary>
    public static void Sort(ReadOnlySpan<float> scores, Span<ulong> keys, Span<int> order)
    {
        int n = scores.Length;
        if (keys.Length < n || order.Length < n)
        {
            throw new ArgumentException($"buffers hold {Math.Min(keys.Length, order.Length)} entries, need {n}");
        }

        var k = keys.Slice(0, n);
        for (int i = 0; i < n; i++)
        {
            k[i] = ((ulong)~Ascending(scores[i]) << 32) | (uint)i;
        }

        k.Sort();
        for (int i = 0; i < n; i++)
        {
            order[i] = (int)(uint)k[i];
        }
    }

    /// <summary>Maps a float to a uint whose unsigned order is the float's numeric order (NaN above all).</summary>
    internal static uint Ascending(float f)
    {
        uint bits = BitConverter.SingleToUInt32Bits(f);
        return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
    }
}
