namespace EdgePose.Core.Charts;

/// <summary>Axis ticks at round steps (1, 2 or 5 × 10ⁿ) covering a range with about the wanted number of intervals.</summary>
public static class NiceTicks
{
    /// <summary>The step between ticks for [<paramref name="min"/>, <paramref name="max"/>] in about <paramref name="intervals"/> steps.</summary>
    public static double Step(double min, double max, int intervals = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(intervals);
        double span = max - min;
        if (!(span > 0) || !double.IsFinite(span))
        {
            return 1;
        }

        double raw = span / intervals;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /// <summary>The smallest multiple of the step at or above <paramref name="max"/> (the axis end for data up to max).</summary>
    public static double CeilTo(double max, double step) => Math.Ceiling((max / step) - 1e-9) * step;

    /// <summary>Tick values from <paramref name="min"/> to <paramref name="max"/> (both multiples of <paramref name="step"/>).</summary>
    public static double[] Values(double min, double max, double step)
    {
        int n = (int)Math.Round((max - min) / step);
        var v = new double[n + 1];
        for (int i = 0; i <= n; i++)
        {
            v[i] = Math.Round(min + (i * step), 10);
        }

        return v;
    }
}
