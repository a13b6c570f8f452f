using EdgePose.Core.Tracking;

namespace EdgePose.Core.Tests.Tracking;

public class LinearAssignmentTests
{
    [Fact]
    public void Finds_the_cheapest_matching_not_the_greedy_one()
    {
        // Greedy takes (0,0) at 0.1 and leaves row 1 with 0.75; the optimum pairs (0,1) + (1,0) = 0.4.
        float[] cost = [0.1f, 0.2f, 0.2f, 0.75f];
        var (rows, cols) = Solve(cost, 2, 2, 0.8);
        Assert.Equal([1, 0], rows);
        Assert.Equal([1, 0], cols);
    }

    [Fact]
    public void Pairs_at_or_over_the_limit_stay_unmatched()
    {
        float[] cost = [0.9f, 0.3f, 0.8f, 0.95f, 0.99f, 0.85f];
        var (rows, cols) = Solve(cost, 2, 3, 0.8);
        Assert.Equal([1, -1], rows);
        Assert.Equal([-1, 0, -1], cols);
    }

    [Fact]
    public void Agrees_with_brute_force_on_random_matrices()
    {
        var rng = new Random(14);
        for (int trial = 0; trial < 300; trial++)
        {
            int r = rng.Next(0, 6);
            int c = rng.Next(0, 6);
            var cost = new float[r * c];
            for (int i = 0; i < cost.Length; i++)
            {
                cost[i] = (float)rng.NextDouble();
            }

            var (rows, cols) = Solve(cost, r, c, 0.8);
            Assert.Equal(Total(cost, c, BruteForce(cost, r, c, 0.8), 0.8), Total(cost, c, rows, 0.8), 5);
            for (int i = 0; i < r; i++)
            {
                Assert.True(rows[i] < 0 || cols[rows[i]] == i);
            }
        }
    }

    private static (int[] Rows, int[] Cols) Solve(float[] cost, int r, int c, double limit)
    {
        var rows = new int[r];
        var cols = new int[c];
        new LinearAssignment().Solve(cost, r, c, limit, rows, cols);
        return (rows, cols);
    }

    /// <summary>The objective lap.lapjv(extend_cost=True, cost_limit) minimises: matched costs plus limit/2 per unmatched row or column.</summary>
    private static double Total(float[] cost, int c, int[] rows, double limit)
    {
        int matched = 0;
        double sum = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i] >= 0)
            {
                matched++;
                sum += cost[(i * c) + rows[i]];
            }
        }

        return sum + ((rows.Length + c - (2 * matched)) * limit / 2);
    }

    private static int[] BruteForce(float[] cost, int r, int c, double limit)
    {
        var best = Enumerable.Repeat(-1, r).ToArray();
        double bestTotal = Total(cost, c, best, limit);
        var cur = new int[r];
        var used = new bool[c];
        void Go(int i)
        {
            if (i == r)
            {
                double t = Total(cost, c, cur, limit);
                if (t < bestTotal - 1e-12)
                {
                    bestTotal = t;
                    best = (int[])cur.Clone();
                }

                return;
            }

            cur[i] = -1;
            Go(i + 1);
            for (int j = 0; j < c; j++)
            {
                if (!used[j])
                {
                    used[j] = true;
                    cur[i] = j;
                    Go(i + 1);
                    used[j] = false;
                }
            }
        }

        Go(0);
        return best;
    }
}
