using EdgePose.Core.Inference;

namespace EdgePose.Core.Tests.Inference;

public class StageTimesTests
{
    [Fact]
    public void Sum_adds_each_stage_separately()
    {
        var a = new StageTimes(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100));
        var b = new StageTimes(TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200));
        var sum = a + b;
        Assert.Equal(new StageTimes(TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(300)), sum);
        Assert.Equal(TimeSpan.FromMilliseconds(333), sum.Total);
    }
}
