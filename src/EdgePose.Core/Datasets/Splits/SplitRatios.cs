using System.Globalization;

namespace EdgePose.Core.Datasets.Splits;

/// <summary>Fractions of images for train, val and test; they sum to 1.</summary>
public sealed record SplitRatios(double Train, double Val, double Test)
{
    public static SplitRatios Parse(string text)
    {
        var parts = text.Split([',', ':', '/'], StringSplitOptions.TrimEntries);
        if (parts.Length is < 2 or > 3)
        {
            throw new FormatException($"split ratios '{text}' must be train,val or train,val,test (e.g. 0.8,0.2)");
        }

        var v = new double[3];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]) || !(v[i] >= 0) || double.IsInfinity(v[i]))
            {
                throw new FormatException($"split ratio '{parts[i]}' in '{text}' is not a non-negative number");
            }
        }

        double sum = v[0] + v[1] + v[2];
        if (Math.Abs(sum - 1) > 1e-6 && Math.Abs(sum - 100) > 1e-4)
        {
            throw new FormatException($"split ratios '{text}' add up to {sum.ToString(CultureInfo.InvariantCulture)}, not 1 (or 100)");
        }

        return new SplitRatios(v[0] / sum, v[1] / sum, v[2] / sum);
    }

    /// <summary>
    /// Whole counts for n items, rounding by largest remainder so they add up to n
    /// (ties go to train, then val, then test).
    /// </summary>
    public (int Train, int Val, int Test) Counts(int n)
    {
        double[] exact = [n * Train, n * Val, n * Test];
        var counts = exact.Select(e => (int)Math.Floor(e + 1e-9)).ToArray();
        int left = n - counts.Sum();
        foreach (int i in Enumerable.Range(0, 3).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(Math.Max(left, 0)))
        {
            counts[i]++;
        }

        return (counts[0], counts[1], counts[2]);
    }
}
