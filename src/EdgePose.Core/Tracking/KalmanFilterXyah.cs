namespace EdgePose.Core.Tracking;

/// <summary>
/// A constant-velocity Kalman filter on a box's centre x, y, aspect a = w / h and height h, with the
/// noise model of Ultralytics' KalmanFilterXYAH (after DeepSORT): state (x, y, a, h, vx, vy, va, vh),
/// position noise h/20, velocity noise h/160, fixed noise for the aspect. The mean is 8 values and the
/// covariance 8x8 row-major; everything works in place on the caller's spans, in double like numpy.
/// </summary>
public static class KalmanFilterXyah
{
    public const int StateSize = 8;
    public const int CovarianceSize = StateSize * StateSize;

    private const int M = 4;
    private const double StdWeightPosition = 1.0 / 20;
    private const double StdWeightVelocity = 1.0 / 160;

    /// <summary>Starts a track at a measurement (x, y, a, h): zero velocity, variance scaled by the height.</summary>
    public static void Initiate(ReadOnlySpan<double> xyah, Span<double> mean, Span<double> covariance)
    {
        mean.Clear();
        xyah[..M].CopyTo(mean);
        double h = xyah[3];
        covariance[..CovarianceSize].Clear();
        SetDiagonal(covariance, 0, 2 * StdWeightPosition * h);
        SetDiagonal(covariance, 1, 2 * StdWeightPosition * h);
        SetDiagonal(covariance, 2, 1e-2);
        SetDiagonal(covariance, 3, 2 * StdWeightPosition * h);
        SetDiagonal(covariance, 4, 10 * StdWeightVelocity * h);
        SetDiagonal(covariance, 5, 10 * StdWeightVelocity * h);
        SetDiagonal(covariance, 6, 1e-5);
        SetDiagonal(covariance, 7, 10 * StdWeightVelocity * h);
    }

    /// <summary>One step ahead: position += velocity; covariance F P F' plus motion noise from the height before the step.</summary>
    public static void Predict(Span<double> mean, Span<double> covariance)
    {
        double h = mean[3];
        for (int i = 0; i < M; i++)
        {
            mean[i] += mean[M + i];
        }

        // F = [I I; 0 I]: first rows += rows below, then first columns += columns to the right.
        for (int r = 0; r < M; r++)
        {
            for (int c = 0; c < StateSize; c++)
            {
                covariance[(r * StateSize) + c] += covariance[((r + M) * StateSize) + c];
            }
        }

        for (int r = 0; r < StateSize; r++)
        {
            for (int c = 0; c < M; c++)
            {
                covariance[(r * StateSize) + c] += covariance[(r * StateSize) + c + M];
            }
        }

        AddDiagonal(covariance, 0, StdWeightPosition * h);
        AddDiagonal(covariance, 1, StdWeightPosition * h);
        AddDiagonal(covariance, 2, 1e-2);
        AddDiagonal(covariance, 3, StdWeightPosition * h);
        AddDiagonal(covariance, 4, StdWeightVelocity * h);
        AddDiagonal(covariance, 5, StdWeightVelocity * h);
        AddDiagonal(covariance, 6, 1e-5);
        AddDiagonal(covariance, 7, StdWeightVelocity * h);
    }

    /// <summary>Corrects the state with a measurement (x, y, a, h) through the Cholesky factor of the projected covariance.</summary>
    public static void Update(Span<double> mean, Span<double> covariance, ReadOnlySpan<double> xyah)
    {
        // Projected covariance S = H P H' + R (the top-left 4x4 plus measurement noise).
        Span<double> s = stackalloc double[M * M];
        double h = mean[3];
        for (int r = 0; r < M; r++)
        {
            for (int c = 0; c < M; c++)
            {
                s[(r * M) + c] = covariance[(r * StateSize) + c];
            }
        }

        double sp = StdWeightPosition * h;
        s[0] += sp * sp;
        s[5] += sp * sp;
        s[10] += 1e-1 * 1e-1;
        s[15] += sp * sp;

        Span<double> chol = stackalloc double[M * M];
        Cholesky(s, chol);

        // Gain K (8x4): each row k solves S k' = (P H')' row, i.e. the row's first four covariances.
        Span<double> gain = stackalloc double[StateSize * M];
        for (int r = 0; r < StateSize; r++)
        {
            CholeskySolve(chol, covariance.Slice(r * StateSize, M), gain.Slice(r * M, M));
        }

        Span<double> innovation = stackalloc double[M];
        for (int i = 0; i < M; i++)
        {
            innovation[i] = xyah[i] - mean[i];
        }

        for (int r = 0; r < StateSize; r++)
        {
            double d = 0;
            for (int i = 0; i < M; i++)
            {
                d += gain[(r * M) + i] * innovation[i];
            }

            mean[r] += d;
        }

        // P -= K S K'.
        Span<double> ks = stackalloc double[StateSize * M];
        for (int r = 0; r < StateSize; r++)
        {
            for (int c = 0; c < M; c++)
            {
                double d = 0;
                for (int i = 0; i < M; i++)
                {
                    d += gain[(r * M) + i] * s[(i * M) + c];
                }

                ks[(r * M) + c] = d;
            }
        }

        for (int r = 0; r < StateSize; r++)
        {
            for (int c = 0; c < StateSize; c++)
            {
                double d = 0;
                for (int i = 0; i < M; i++)
                {
                    d += ks[(r * M) + i] * gain[(c * M) + i];
                }

                covariance[(r * StateSize) + c] -= d;
            }
        }
    }

    /// <summary>The box (x1, y1, x2, y2) that a state's mean describes.</summary>
    public static void ToXyxy(ReadOnlySpan<double> mean, Span<float> xyxy)
    {
        double h = mean[3];
        double w = mean[2] * h;
        double x1 = mean[0] - (w / 2);
        double y1 = mean[1] - (h / 2);
        xyxy[0] = (float)x1;
        xyxy[1] = (float)y1;
        xyxy[2] = (float)(x1 + w);
        xyxy[3] = (float)(y1 + h);
    }

    /// <summary>A box (x1, y1, x2, y2) as the measurement (centre x, centre y, w / h, h).</summary>
    public static void FromXyxy(ReadOnlySpan<float> xyxy, Span<double> xyah)
    {
        double w = (double)xyxy[2] - xyxy[0];
        double h = (double)xyxy[3] - xyxy[1];
        xyah[0] = xyxy[0] + (w / 2);
        xyah[1] = xyxy[1] + (h / 2);
        xyah[2] = w / h;
        xyah[3] = h;
    }

    private static void SetDiagonal(Span<double> covariance, int i, double std) => covariance[(i * StateSize) + i] = std * std;

    private static void AddDiagonal(Span<double> covariance, int i, double std) => covariance[(i * StateSize) + i] += std * std;

    /// <summary>Lower-triangular L with L L' = a (a symmetric positive definite 4x4).</summary>
    private static void Cholesky(ReadOnlySpan<double> a, Span<double> l)
    {
        l.Clear();
        for (int j = 0; j < M; j++)
        {
            double d = a[(j * M) + j];
            for (int k = 0; k < j; k++)
            {
                d -= l[(j * M) + k] * l[(j * M) + k];
            }

            double ljj = Math.Sqrt(d);
            l[(j * M) + j] = ljj;
            for (int i = j + 1; i < M; i++)
            {
                double v = a[(i * M) + j];
                for (int k = 0; k < j; k++)
                {
                    v -= l[(i * M) + k] * l[(j * M) + k];
                }

                l[(i * M) + j] = v / ljj;
            }
        }
    }

    /// <summary>x with L L' x = b.</summary>
    private static void CholeskySolve(ReadOnlySpan<double> l, ReadOnlySpan<double> b, Span<double> x)
    {
        for (int i = 0; i < M; i++)
        {
            double v = b[i];
            for (int k = 0; k < i; k++)
            {
                v -= l[(i * M) + k] * x[k];
            }

            x[i] = v / l[(i * M) + i];
        }

        for (int i = M - 1; i >= 0; i--)
        {
            double v = x[i];
            for (int k = i + 1; k < M; k++)
            {
                v -= l[(k * M) + i] * x[k];
            }

            x[i] = v / l[(i * M) + i];
        }
    }
}
