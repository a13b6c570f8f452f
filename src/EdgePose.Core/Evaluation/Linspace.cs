namespace EdgePose.Core.Evaluation;

/// <summary>
/// Evenly spaced values computed the way numpy.linspace computes them (i · step + start, last = stop), so
/// thresholds such as 0.75 compare bit-equal to pycocotools' and every comparison against them agrees.
/// </summary>
public static class Linspace
{
    public static double[] Inclusive(double start, double stop, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var y = new double[count];
        if (count == 1)
        {
            y[0] = start;
            return y;
        }

        double step = (stop - start) / (count - 1);
        for (int i = 0; i < count; i++)
        {
            y[i] = (i * step) + start;
        }

        y[^1] = stop;
        return y;
    }
}
