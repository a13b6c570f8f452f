namespace EdgePose.Core.Tests.Pipeline;

/// <summary>Max-min fair shares (water filling): equal shares, except a source offering less gets all it offers.</summary>
internal static class FairShares
{
    public static Dictionary<string, double> MaxMin(Dictionary<string, double> offered, double total)
    {
        var shares = new Dictionary<string, double>();
        var left = offered.OrderBy(o => o.Value).ToList();
        double remaining = total;
        while (left.Count > 0)
        {
            double equal = remaining / left.Count;
            var (id, want) = left[0];
            double share = Math.Min(want, equal);
            shares[id] = share;
            remaining -= share;
            left.RemoveAt(0);
        }

        return shares;
    }
}
