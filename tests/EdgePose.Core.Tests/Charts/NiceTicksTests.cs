using EdgePose.Core.Charts;

namespace EdgePose.Core.Tests.Charts;

public class NiceTicksTests
{
    [Theory]
    [InlineData(0, 1, 0.2)]
    [InlineData(0, 0.147, 0.05)]
    [InlineData(0, 37, 10)]
    [InlineData(0, 100, 20)]
    [InlineData(0, 0, 1)]
    public void Step_is_one_two_or_five_times_a_power_of_ten(double min, double max, double expected) =>
        Assert.Equal(expected, NiceTicks.Step(min, max), 12);

    [Fact]
    public void Values_run_from_min_to_max_in_steps_without_float_noise()
    {
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1.0], NiceTicks.Values(0, 1, 0.2));
        Assert.Equal(0.15, NiceTicks.CeilTo(0.147, 0.05), 12);
        Assert.Equal(0.15, NiceTicks.CeilTo(0.15, 0.05), 12);
    }
}
