using System.Globalization;

namespace EdgePose.Core.Datasets;

/// <summary>Culture-invariant number text for label files: fixed decimals, never "-0.000000".</summary>
internal static class NumberText
{
    public static string Fixed(double value, int decimals)
    {
        var s = value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return s.StartsWith('-') && s.AsSpan(1).TrimStart("0.").IsEmpty ? s[1..] : s;
    }

    public static string Short(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static bool TryParse(string s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
