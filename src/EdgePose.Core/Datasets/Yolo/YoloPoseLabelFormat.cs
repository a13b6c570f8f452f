using System.Text;

namespace EdgePose.Core.Datasets.Yolo;

/// <summary>
/// Reads and writes YOLO-pose label text: one object per line,
/// <c>class cx cy w h  x0 y0 [v0]  x1 y1 [v1] ...</c> with K keypoints of D = 2 or 3 values each
/// (the data set's kpt_shape [K, D]). The layout is fixed by K and D, never guessed from the values:
/// a coordinate of 0, 1 or 2 is a coordinate, and only the third value of a D = 3 triple is a visibility.
/// </summary>
public static class YoloPoseLabelFormat
{
    /// <summary>Decimals Ultralytics' converters and data sets use.</summary>
    public const int DefaultDecimals = 6;

    public static int ColumnCount(int keypointCount, int dims) => 5 + (keypointCount * dims);

    /// <summary>Parses one non-blank line; on failure gives the reason (without file and line) and false.</summary>
    public static bool TryParseLine(string line, int keypointCount, int dims, out YoloPoseLabel? label, out string? error)
    {
        CheckShape(keypointCount, dims);
        label = null;
        var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int expected = ColumnCount(keypointCount, dims);
        if (parts.Length != expected)
        {
            error = $"{parts.Length} values, expected {expected} (5 + {keypointCount} × {dims} for kpt_shape [{keypointCount}, {dims}])";
            return false;
        }

        var v = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!NumberText.TryParse(parts[i], out v[i]))
            {
                error = $"value {i + 1} '{parts[i]}' is not a finite number";
                return false;
            }
        }

        if (v[0] < 0 || v[0] != Math.Floor(v[0]) || v[0] > int.MaxValue)
        {
            error = $"class '{parts[0]}' is not a non-negative integer";
            return false;
        }

        var kps = new LabelledKeypoint[keypointCount];
        for (int k = 0; k < keypointCount; k++)
        {
            int o = 5 + (k * dims);
            int vis = 2;
            if (dims == 3)
            {
                double f = v[o + 2];
                if (f is not (0 or 1 or 2))
                {
                    error = $"keypoint {k} visibility '{parts[o + 2]}' is not 0, 1 or 2";
                    return false;
                }

                vis = (int)f;
            }

            kps[k] = new LabelledKeypoint(v[o], v[o + 1], vis);
        }

        label = new YoloPoseLabel((int)v[0], v[1], v[2], v[3], v[4], kps);
        error = null;
        return true;
    }

    /// <summary>Parses label text; blank lines are skipped. Errors are <see cref="FormatException"/>s "source:line: reason".</summary>
    public static List<YoloPoseLabel> Parse(string text, int keypointCount, int dims, string source) =>
        ParseNumbered(text, keypointCount, dims, source).Select(n => n.Label).ToList();

    /// <summary>As <see cref="Parse"/>, with each label's 1-based line number.</summary>
    public static List<(int Line, YoloPoseLabel Label)> ParseNumbered(string text, int keypointCount, int dims, string source)
    {
        var labels = new List<(int, YoloPoseLabel)>();
        int lineNumber = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (line.IsWhiteSpace())
            {
                continue;
            }

            if (!TryParseLine(line.ToString(), keypointCount, dims, out var label, out var error))
            {
                throw new FormatException($"{source}:{lineNumber}: {error}");
            }

            labels.Add((lineNumber, label!));
        }

        return labels;
    }

    /// <summary>
    /// Writes one line with <paramref name="decimals"/> fixed decimals and integer class and visibility.
    /// With D = 2 a point that is not labelled cannot be written (Ultralytics reads every [K, 2] point as
    /// labelled), so that is an <see cref="InvalidOperationException"/> the caller turns into a message.
    /// </summary>
    public static string FormatLine(YoloPoseLabel label, int dims, int decimals = DefaultDecimals)
    {
        CheckShape(label.Keypoints.Length == 0 ? 1 : label.Keypoints.Length, dims);
        var sb = new StringBuilder(16 + (label.Keypoints.Length * 3 * (decimals + 4)));
        sb.Append(label.ClassId);
        foreach (var x in (ReadOnlySpan<double>)[label.CenterX, label.CenterY, label.Width, label.Height])
        {
            sb.Append(' ').Append(NumberText.Fixed(x, decimals));
        }

        for (int k = 0; k < label.Keypoints.Length; k++)
        {
            var p = label.Keypoints[k];
            if (p.Visibility is < 0 or > 2)
            {
                throw new InvalidOperationException($"keypoint {k} visibility {p.Visibility} is not 0, 1 or 2");
            }

            if (dims == 2 && !p.IsLabelled)
            {
                throw new InvalidOperationException($"keypoint {k} is not labelled (v=0), which kpt_shape [K, 2] cannot express; use [K, 3]");
            }

            sb.Append(' ').Append(NumberText.Fixed(p.X, decimals)).Append(' ').Append(NumberText.Fixed(p.Y, decimals));
            if (dims == 3)
            {
                sb.Append(' ').Append(p.Visibility);
            }
        }

        return sb.ToString();
    }

    /// <summary>Label file text: one line per object, each ending in a newline; empty for no objects.</summary>
    public static string Format(IEnumerable<YoloPoseLabel> labels, int dims, int decimals = DefaultDecimals)
    {
        var sb = new StringBuilder();
        foreach (var l in labels)
        {
            sb.Append(FormatLine(l, dims, decimals)).Append('\n');
        }

        return sb.ToString();
    }

    private static void CheckShape(int keypointCount, int dims)
    {
        if (keypointCount <= 0 || dims is not (2 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(dims), $"kpt_shape [{keypointCount}, {dims}] must have K > 0 and D of 2 or 3");
        }
    }
}
