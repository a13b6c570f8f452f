namespace EdgePose.Core.Datasets;

/// <summary>
/// Left/right in keypoint names: "left_eye" mirrors to "right_eye", "LeftFrontPaw" to "RightFrontPaw",
/// "l_ear"/"r_ear" too. Names without a side word ("nose", "tail_tip") mirror to themselves. Used to infer
/// flip_idx when a source gives none and to check that a given flip_idx agrees with the names.
/// </summary>
public static class KeypointNameSides
{
    private static readonly (string A, string B)[] s_words = [("left", "right"), ("Left", "Right"), ("LEFT", "RIGHT")];

    /// <summary>The mirrored name, the name itself when it has no side word.</summary>
    public static string Mirror(string name)
    {
        foreach (var (a, b) in s_words)
        {
            if (name.Contains(a, StringComparison.Ordinal))
            {
                return name.Replace(a, b, StringComparison.Ordinal);
            }

            if (name.Contains(b, StringComparison.Ordinal))
            {
                return name.Replace(b, a, StringComparison.Ordinal);
            }
        }

        // Short prefixes only as a whole leading token: "l_ear", "r-wrist".
        if (name.Length > 2 && (name[1] is '_' or '-' or '.') && name[0] is 'l' or 'r' or 'L' or 'R')
        {
            char m = name[0] switch { 'l' => 'r', 'r' => 'l', 'L' => 'R', _ => 'L' };
            return m + name[1..];
        }

        return name;
    }

    /// <summary>
    /// flip_idx from names: each sided name maps to its mirror when that name exists, everything else to itself.
    /// </summary>
    public static int[] InferFlipIndex(IReadOnlyList<string> names)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            index.TryAdd(names[i], i);
        }

        var flip = new int[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            flip[i] = index.TryGetValue(Mirror(names[i]), out int j) && string.Equals(Mirror(names[j]), names[i], StringComparison.Ordinal) ? j : i;
        }

        return flip;
    }
}
