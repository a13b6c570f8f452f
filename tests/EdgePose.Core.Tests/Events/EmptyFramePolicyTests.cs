using EdgePose.Core.Errors;
using EdgePose.Core.Events;

namespace EdgePose.Core.Tests.Events;

public sealed class EmptyFramePolicyTests
{
    [Theory]
    [InlineData("always", EmptyFrameMode.Always, 0)]
    [InlineData("Skip", EmptyFrameMode.Skip, 0)]
    [InlineData("heartbeat:5", EmptyFrameMode.Heartbeat, 5)]
    [InlineData(" heartbeat:0.25 ", EmptyFrameMode.Heartbeat, 0.25)]
    public void Configuration_text_is_read(string text, EmptyFrameMode mode, double seconds)
    {
        var p = EmptyFramePolicy.Parse(text);
        Assert.Equal(mode, p.Mode);
        Assert.Equal(TimeSpan.FromSeconds(seconds), p.Interval);
        Assert.Equal(p, EmptyFramePolicy.Parse(p.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("heartbeat")]
    [InlineData("heartbeat:0")]
    [InlineData("heartbeat:-1")]
    [InlineData("heartbeat:soon")]
    [InlineData("never")]
    public void Bad_text_is_one_error_naming_the_setting_and_value(string text)
    {
        var e = Assert.Throws<InputException>(() => EmptyFramePolicy.Parse(text, "Outputs:Mqtt:EmptyFrames"));
        Assert.StartsWith($"Outputs:Mqtt:EmptyFrames '{text}' is not", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }
}
