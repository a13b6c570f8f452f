using System.Text.Json.Nodes;
using EdgePose.Core.Events;
using EdgePose.Tests;

namespace EdgePose.Core.Tests.Events;

/// <summary>The v1 JSON Schema file against real events, and against events with a field missing or wrong.</summary>
public sealed class PoseEventSchemaTests
{
    private static readonly PoseEventOptions s_options = new("edge-01", "yolo11n-pose") { EmptyFrames = EmptyFramePolicy.Always };

    private static JsonObject RealEvent()
    {
        var frames = new EventFrames();
        using var writer = new PoseEventWriter(s_options);
        var result = frames.Make(EventFrames.Source(0, "door"), 3, EventFrames.T0, EventFrames.Persons(2));
        try
        {
            return JsonNode.Parse(writer.Write(result).Span)!.AsObject();
        }
        finally
        {
            result.Release();
        }
    }

    [Fact]
    public void The_schema_file_is_the_one_the_code_names()
    {
        Assert.True(File.Exists(Path.Combine(TestPaths.RepoRoot, PoseEventSchema.SchemaFile)));
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, PoseEventSchema.SchemaFile)))!;
        Assert.Equal(PoseEventSchema.Version, (string?)schema["properties"]!["schema"]!["const"]);
    }

    [Fact]
    public void A_real_event_is_valid()
    {
        PoseEventSchemaCheck.AssertValid(RealEvent().ToJsonString());
    }

    [Theory]
    [InlineData("schema")]
    [InlineData("device")]
    [InlineData("source")]
    [InlineData("seq")]
    [InlineData("time_ms")]
    [InlineData("latency_ms")]
    [InlineData("width")]
    [InlineData("height")]
    [InlineData("model")]
    [InlineData("persons")]
    public void An_event_missing_a_required_field_is_invalid(string field)
    {
        var e = RealEvent();
        Assert.True(e.Remove(field));
        var errors = PoseEventSchemaCheck.Errors(e.ToJsonString());
        Assert.Contains(errors, m => m.Contains(field, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("score")]
    [InlineData("box")]
    [InlineData("keypoints")]
    public void A_person_missing_a_required_field_is_invalid(string field)
    {
        var e = RealEvent();
        Assert.True(e["persons"]![1]!.AsObject().Remove(field));
        Assert.NotEmpty(PoseEventSchemaCheck.Errors(e.ToJsonString()));
    }

    [Fact]
    public void Wrong_values_are_invalid()
    {
        string With(Action<JsonObject> change)
        {
            var e = RealEvent();
            change(e);
            return e.ToJsonString();
        }

        Assert.NotEmpty(PoseEventSchemaCheck.Errors(With(e => e["schema"] = "edgepose.poses/2")));
        Assert.NotEmpty(PoseEventSchemaCheck.Errors(With(e => e["seq"] = -1)));
        Assert.NotEmpty(PoseEventSchemaCheck.Errors(With(e => e["persons"]![0]!["score"] = 1.5)));
        Assert.NotEmpty(PoseEventSchemaCheck.Errors(With(e => e["persons"]![0]!["box"] = new JsonArray(1, 2, 3))));
        Assert.NotEmpty(PoseEventSchemaCheck.Errors(With(e => e["persons"]![0]!["keypoints"]![0] = new JsonArray(1, 2))));
        Assert.NotEmpty(PoseEventSchemaCheck.Errors(With(e => e["extra"] = 1)));
    }

    [Fact]
    public void A_track_id_with_its_age_is_valid()
    {
        var e = RealEvent();
        e["persons"]![0]!["track"] = 12;
        e["persons"]![0]!["track_age"] = 30;
        PoseEventSchemaCheck.AssertValid(e.ToJsonString());
    }

    [Theory]
    [InlineData("track", "track_age")]
    [InlineData("track_age", "track")]
    public void A_track_id_or_age_alone_is_invalid(string present, string missing)
    {
        var e = RealEvent();
        e["persons"]![0]![present] = 12;
        var errors = PoseEventSchemaCheck.Errors(e.ToJsonString());
        Assert.Contains(errors, m => m.Contains(missing, StringComparison.Ordinal));
    }
}
