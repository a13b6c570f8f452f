namespace EdgePose.Core.Meta;

/// <summary>Checks a horizontal-flip index (flip_idx): a symmetric permutation of 0..K-1.</summary>
public static class FlipIndex
{
    /// <summary>Why <paramref name="flip"/> is not a symmetric permutation of 0..<paramref name="k"/>-1, or null when it is.</summary>
    public static string? Problem(IReadOnlyList<int> flip, int k)
    {
        if (flip.Count != k)
        {
            return $"flip_idx has {flip.Count} entries for {k} keypoints";
        }

        var seen = new int[k];
        for (int i = 0; i < k; i++)
        {
            int j = flip[i];
            if (j < 0 || j >= k)
            {
                return $"flip_idx entry {i} = {j} is outside 0..{k - 1}";
            }

            if (seen[j]++ > 0)
            {
                return $"flip_idx is not a permutation: {j} appears twice and {Enumerable.Range(0, k).First(x => !flip.Contains(x))} never";
            }
        }

        for (int i = 0; i < k; i++)
        {
            if (flip[flip[i]] != i)
            {
                return $"flip_idx is not symmetric: {i} → {flip[i]} but {flip[i]} → {flip[flip[i]]}";
            }
        }

        return null;
    }
}
