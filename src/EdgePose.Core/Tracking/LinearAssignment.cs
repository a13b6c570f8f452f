namespace EdgePose.Core.Tracking;

/// <summary>
/// Optimal one-to-one matching of rows (tracks) to columns (detections) under a cost limit, with the
/// result of Ultralytics' matching.linear_assignment, which calls lap.lapjv(cost, extend_cost=True,
/// cost_limit=thresh). That call pads the matrix to (rows + cols) square with cost_limit / 2 for
/// "unmatched" and solves it exactly; so it minimises the sum over matched pairs of (cost - limit), and a
/// pair costing more than the limit is never matched. Here the same optimum comes from a rows x (cols +
/// rows) problem whose real entries cost min(cost - limit, 0) and whose padding columns cost 0 (a row
/// assigned to padding, or to a pair at or over the limit, is unmatched), solved by the Hungarian method
/// with potentials and shortest augmenting paths (Kuhn-Munkres in Jonker-Volgenant form), O(rows^2 (cols + rows)).
/// </summary>
/// <remarks>
/// Written here rather than taken from a package: the registry has no maintained .NET LAPJV, the solver is
/// short, and this one works in buffers allocated once and grown only when a frame has more tracks or
/// detections than ever before, so a steady stream allocates nothing. Only ties between equally good
/// assignments may resolve differently from lap.
/// </remarks>
public sealed class LinearAssignment
{
    private double[] _u = [];
    private double[] _v = [];
    private double[] _minv = [];
    private int[] _p = [];
    private int[] _way = [];
    private bool[] _used = [];

    /// <summary>
    /// Matches <paramref name="rows"/> x <paramref name="cols"/> costs (row-major); writes each row's column or -1
    /// into <paramref name="rowMatch"/> and each column's row or -1 into <paramref name="colMatch"/>.
    /// </summary>
    public void Solve(ReadOnlySpan<float> cost, int rows, int cols, double limit, Span<int> rowMatch, Span<int> colMatch)
    {
        rowMatch[..rows].Fill(-1);
        colMatch[..cols].Fill(-1);
        if (rows == 0 || cols == 0)
        {
            return;
        }

        int n = rows;
        int m = cols + rows;
        Ensure(n, m);
        var u = _u;
        var v = _v;
        var minv = _minv;
        var p = _p;
        var way = _way;
        var used = _used;
        u.AsSpan(0, n + 1).Clear();
        v.AsSpan(0, m + 1).Clear();
        p.AsSpan(0, m + 1).Clear();
        way.AsSpan(0, m + 1).Clear();

        // 1-based Hungarian method: p[j] is the row assigned to column j, column 0 a virtual start.
        for (int i = 1; i <= n; i++)
        {
            p[0] = i;
            int j0 = 0;
            minv.AsSpan(0, m + 1).Fill(double.PositiveInfinity);
            used.AsSpan(0, m + 1).Clear();
            do
            {
                used[j0] = true;
                int i0 = p[j0];
                double delta = double.PositiveInfinity;
                int j1 = 0;
                for (int j = 1; j <= m; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    double cur = Cost(cost, cols, limit, i0 - 1, j - 1) - u[i0] - v[j];
                    if (cur < minv[j])
                    {
                        minv[j] = cur;
                        way[j] = j0;
                    }

                    if (minv[j] < delta)
                    {
                        delta = minv[j];
                        j1 = j;
                    }
                }

                for (int j = 0; j <= m; j++)
                {
                    if (used[j])
                    {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minv[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (p[j0] != 0);

            do
            {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        for (int j = 1; j <= cols; j++)
        {
            int r = p[j] - 1;
            if (r >= 0 && cost[(r * cols) + j - 1] < limit)
            {
                rowMatch[r] = j - 1;
                colMatch[j - 1] = r;
            }
        }
    }

    private static double Cost(ReadOnlySpan<float> cost, int cols, double limit, int r, int c) =>
        c < cols ? Math.Min((double)cost[(r * cols) + c] - limit, 0.0) : 0.0;

    private void Ensure(int n, int m)
    {
        // Each buffer grows to at least double its size, so that growth stops after a few frames.
        if (_u.Length < n + 1)
        {
            _u = new double[Math.Max(n + 1, 2 * _u.Length)];
        }

        if (_v.Length < m + 1)
        {
            int size = Math.Max(m + 1, 2 * _v.Length);
            _v = new double[size];
            _minv = new double[size];
            _p = new int[size];
            _way = new int[size];
            _used = new bool[size];
        }
    }
}
