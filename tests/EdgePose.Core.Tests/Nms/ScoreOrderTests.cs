using EdgePose.Core.Nms;

namespace EdgePose.Core.Tests.Nms;

public class ScoreOrderTests
{
    [Fact]
    public void Order_is_descending_by_score_with_ties_by_index()
    {
        float[] s = [0.5f, 0.9f, 0.5f, -1f, 0.9f, 0f, -0f];
        var order = new int[s.Length];
        ScoreOrder.Sort(s, new ulong[s.Length], order);
        Assert.Equal([1, 4, 0, 2, 5, 6, 3], order);
    }
}
