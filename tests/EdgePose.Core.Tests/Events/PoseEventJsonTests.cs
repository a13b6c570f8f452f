using System.Text;
using EdgePose.Core.Errors;
using EdgePose.Core.Events;

namespace EdgePose.Core.Tests.Events;

public sealed class PoseEventJsonTests
{
    private const string Event =
        """{"schema":"edgepose.poses/1","device":"d","source":"s","seq":1,"time_ms":2,"latency_ms":{"queue":0,"preprocess":0,"inference":0,"decode":0,"total":0},"width":4,"height":3,"model":"m","persons":[{"id":0,"track":9,"score":0.5,"box":[0,0,1,1],"keypoints":[[1,2,0.5]]}]}""";

    [Fact]
    public void An_event_round_trips_through_the_generated_metadata()
    {
        var e = PoseEventJson.Parse(Encoding.UTF8.GetBytes(Event));
        Assert.Equal(9, e.Persons[0].Track);
        Assert.Equal(Event, PoseEventJson.Serialize(e));
    }

    [Theory]
    [InlineData("not json", "is not a v1 pose event")]
    [InlineData("null", "is null")]
    [InlineData("""{"schema":"edgepose.poses/1"}""", "is not a v1 pose event")]
    public void Malformed_events_are_one_line_errors_naming_where(string json, string says)
    {
        var e = Assert.Throws<InputException>(() => PoseEventJson.Parse(Encoding.UTF8.GetBytes(json), "events.jsonl line 3"));
        Assert.StartsWith("events.jsonl line 3 ", e.Message, StringComparison.Ordinal);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_schema_version_is_refused()
    {
        var e = Assert.Throws<InputException>(() => PoseEventJson.Parse(Encoding.UTF8.GetBytes(Event.Replace("poses/1", "poses/2", StringComparison.Ordinal))));
        Assert.Contains("'edgepose.poses/2'", e.Message, StringComparison.Ordinal);
    }
}
