using EdgePose.Core.Coco;

namespace EdgePose.Core.Tests.Coco;

/// <summary>Expected values are what CPython 3.11 prints for round(x, n).</summary>
public class PythonRoundTests
{
    [Theory]
    [InlineData(2.675, 2, 2.67)] // 2.675 is stored as 2.67499999…
    [InlineData(0.125, 2, 0.12)] // exact tie: to even
    [InlineData(0.375, 2, 0.38)] // exact tie: to even
    [InlineData(1.0005, 3, 1.0)]
    [InlineData(-1.0005, 3, -1.0)]
    [InlineData(2.5, 0, 2.0)]
    [InlineData(0.000015, 5, 2e-05)]
    [InlineData(123.4567, 3, 123.457)]
    [InlineData(640.0, 3, 640.0)]
    [InlineData(1e-300, 3, 0.0)]
    public void Rounds_the_exact_binary_value_half_to_even(double x, int digits, double expected) =>
        Assert.Equal(expected, PythonRound.Round(x, digits));

    [Fact]
    public void Non_finite_values_stay_as_they_are()
    {
        Assert.Equal(double.PositiveInfinity, PythonRound.Round(double.PositiveInfinity, 3));
        Assert.True(double.IsNaN(PythonRound.Round(double.NaN, 3)));
    }
}
