using EdgePose.Core.Errors;
using EdgePose.Core.Inference;

namespace EdgePose.Core.Tests.Inference;

/// <summary>Numeric options with an upper bound (issue 9, class 5).</summary>
public class InputLimitTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    public void Thread_counts_in_range_pass(int threads) => Assert.Equal(threads, ThreadCountRange.Check(threads, processorCount: 2));

    [Theory]
    [InlineData(-1)]
    [InlineData(17)]
    [InlineData(100000)]
    public void Thread_counts_out_of_range_are_refused_naming_the_range(int threads)
    {
        var e = Assert.Throws<InputException>(() => ThreadCountRange.Check(threads, processorCount: 2));
        Assert.Contains("outside 0..16", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Thread_range_grows_with_the_cpu_count() => Assert.Equal(48, ThreadCountRange.Max(12));

    [Fact]
    public void Huge_image_size_is_refused_before_any_allocation()
    {
        var e = Assert.Throws<InputException>(() => ModelInput.CheckImageSize(64000, 32));
        Assert.Contains("above the largest input size 4096", e.Message, StringComparison.Ordinal);
        ModelInput.CheckImageSize(4096, 32);
    }

    [Fact]
    public void Max_detections_above_the_candidate_limit_is_refused()
    {
        var e = Assert.Throws<InputException>(() => new EdgePose.Core.Decoding.DecodeOptions { MaxDetections = 1_000_000_000 }.Validated());
        Assert.Contains("between 1 and 30000", e.Message, StringComparison.Ordinal);
    }
}
