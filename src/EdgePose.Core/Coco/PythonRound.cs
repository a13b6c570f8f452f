namespace EdgePose.Core.Coco;

/// <summary>
/// Rounds like Python's <c>round(x, n)</c>: the exact binary value of the double is rounded half to even at
/// n decimals, and the result is the double nearest that decimal. (Math.Round scales by 10ⁿ first, which
/// rounds differently where x·10ⁿ is not exact, e.g. 2.675 → 2.68 instead of Python's 2.67.)
/// </summary>
public static class PythonRound
{
    private const int MaxDigits = 15;

    public static double Round(double x, int digits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, MaxDigits);
        if (!double.IsFinite(x) || x == 0)
        {
            return x;
        }

        bool negative = x < 0;
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(x));
        int biased = (int)(bits >> 52);
        ulong mantissa = (ulong)bits & ((1UL << 52) - 1);
        if (biased == 0)
        {
            biased = 1;
        }
        else
        {
            mantissa |= 1UL << 52;
        }

        int shift = 1075 - biased; // |x| = mantissa / 2^shift
        if (shift <= 0)
        {
            return x; // an integer already
        }

        ulong pow10 = Pow10(digits);
        UInt128 scaled = (UInt128)mantissa * pow10; // < 2^103
        UInt128 q;
        if (shift > 110)
        {
            q = 0; // scaled < 2^(shift−1): below half a unit of the last decimal
        }
        else
        {
            q = scaled >> shift;
            UInt128 rest = scaled - (q << shift);
            UInt128 half = UInt128.One << (shift - 1);
            if (rest > half || (rest == half && (q & UInt128.One) == UInt128.One))
            {
                q++;
            }
        }

        double r = (double)q / pow10;
        return negative ? -r : r;
    }

    private static ulong Pow10(int digits)
    {
        ulong p = 1;
        for (int i = 0; i < digits; i++)
        {
            p *= 10;
        }

        return p;
    }
}
