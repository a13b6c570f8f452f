using System.Text;
using System.Text.Json;
using EdgePose.Core.Errors;
using EdgePose.Core.Events;
using EdgePose.Tests;

namespace EdgePose.Core.Tests.Events;

public sealed class PoseEventWriterTests
{
    private static readonly PoseEventOptions s_options = new("edge-01", "yolo11n-pose") { EmptyFrames = EmptyFramePolicy.Always };
    private readonly EventFrames _frames = new();

    private string WriteOne(int persons, PoseEventOptions? options = null, string source = "door", long seq = 7)
    {
        using var writer = new PoseEventWriter(options ?? s_options);
        var result = _frames.Make(EventFrames.Source(0, source), seq, EventFrames.T0, EventFrames.Persons(persons));
        try
        {
            return Encoding.UTF8.GetString(writer.Write(result).Span);
        }
        finally
        {
            result.Release();
        }
    }

    [Fact]
    public void Event_carries_identity_time_size_and_model()
    {
        var e = PoseEventJson.Parse(Encoding.UTF8.GetBytes(WriteOne(1)));
        Assert.Equal(PoseEventSchema.Version, e.Schema);
        Assert.Equal("edge-01", e.Device);
        Assert.Equal("door", e.Source);
        Assert.Equal(7, e.Seq);
        Assert.Equal(EventFrames.T0.ToUnixTimeMilliseconds(), e.TimeMs);
        Assert.Equal((640, 480), (e.Width, e.Height));
        Assert.Equal("yolo11n-pose", e.Model);
    }

    [Fact]
    public void Latencies_are_the_stage_times_and_total_is_capture_to_decoded()
    {
        var l = PoseEventJson.Parse(Encoding.UTF8.GetBytes(WriteOne(0))).LatencyMs;
        Assert.Equal(1.0, l.Queue, 2);
        Assert.Equal(2.0, l.Preprocess, 2);
        Assert.Equal(40.0, l.Inference, 2);
        Assert.Equal(0.5, l.Decode, 2);
        Assert.Equal(43.5, l.Total, 2);
    }

    [Fact]
    public void Persons_are_rounded_to_a_tenth_of_a_pixel_and_scores_to_three_decimals()
    {
        var json = WriteOne(2);
        var p = PoseEventJson.Parse(Encoding.UTF8.GetBytes(json)).Persons;
        Assert.Equal(2, p.Count);
        Assert.Equal([0, 1], p.Select(x => x.Id));
        Assert.Equal(0.912, p[0].Score);
        Assert.Equal([10.0, 20.1, 111.0, 300.4], p[0].Box);
        Assert.Equal(EventFrames.KeypointCount, p[0].Keypoints.Length);
        Assert.Equal([50.3, 60.5, 0.988], p[0].Keypoints[0]);
        Assert.Equal([150.3, 60.5, 0.988], p[1].Keypoints[0]);
        Assert.Null(p[0].Track);
        // Compact: shortest numbers, no spaces, no track field until a tracker exists.
        Assert.Contains("\"box\":[10,20.1,111,300.4]", json, StringComparison.Ordinal);
        Assert.Contains("\"keypoints\":[[50.3,60.5,0.988],", json, StringComparison.Ordinal);
        Assert.DoesNotContain(" ", json, StringComparison.Ordinal);
        Assert.DoesNotContain("track", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_finite_values_are_written_as_zero_so_the_event_stays_valid_json()
    {
        Assert.Equal(0.0, PoseEventWriter.Round(float.NaN, 1));
        Assert.Equal(0.0, PoseEventWriter.Round(double.PositiveInfinity, 3));
        Assert.Equal("0", JsonSerializer.Serialize(PoseEventWriter.Round(-0.04, 1)));
    }

    [Fact]
    public void A_new_line_is_appended_only_when_asked()
    {
        using var writer = new PoseEventWriter(s_options);
        var result = _frames.Make(EventFrames.Source(0, "door"), 0, EventFrames.T0, EventFrames.Persons(1));
        try
        {
            Assert.NotEqual((byte)'\n', writer.Write(result).Span[^1]);
            var line = writer.Write(result, newLine: true).Span;
            Assert.Equal((byte)'\n', line[^1]);
            Assert.Equal(1, line.Count((byte)'\n'));
        }
        finally
        {
            result.Release();
        }
    }

    [Fact]
    public void Source_ids_that_need_escaping_are_escaped()
    {
        var e = PoseEventJson.Parse(Encoding.UTF8.GetBytes(WriteOne(0, source: "gate \"north\"/cam")));
        Assert.Equal("gate \"north\"/cam", e.Source);
    }

    [Fact]
    public void Skipped_empty_frames_give_no_bytes_and_are_counted()
    {
        using var writer = new PoseEventWriter(s_options with { EmptyFrames = EmptyFramePolicy.Skip });
        var source = EventFrames.Source(0, "door");
        var empty = _frames.Make(source, 0, EventFrames.T0, EventFrames.Persons(0));
        var full = _frames.Make(source, 1, EventFrames.T0, EventFrames.Persons(1));
        try
        {
            Assert.True(writer.Write(empty).IsEmpty);
            Assert.False(writer.Write(full).IsEmpty);
            Assert.Equal((1, 1), (writer.Written, writer.Skipped));
        }
        finally
        {
            empty.Release();
            full.Release();
        }
    }

    [Fact]
    public void Writing_an_event_allocates_nothing_once_warm()
    {
        using var writer = new PoseEventWriter(s_options);
        var result = _frames.Make(EventFrames.Source(0, "door"), 0, EventFrames.T0, EventFrames.Persons(5));
        try
        {
            int length = 0;
            for (int i = 0; i < 300; i++)
            {
                length = writer.Write(result, newLine: true).Length; // warm: buffers grown, the JIT's tiers done
            }

            long allocated = SteadyAllocation.Least(() =>
            {
                for (int i = 0; i < 200; i++)
                {
                    length = writer.Write(result, newLine: true).Length;
                }
            });
            Assert.True(length > 1000, $"event of {length} bytes");
            Assert.Equal(0, allocated);
        }
        finally
        {
            result.Release();
        }
    }

    [Theory]
    [InlineData("", "m", "device id")]
    [InlineData("d", " ", "model id")]
    public void Empty_ids_are_refused_naming_the_field(string device, string model, string named)
    {
        var e = Assert.Throws<InputException>(() => new PoseEventWriter(new PoseEventOptions(device, model)));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_written_validate_against_the_v1_schema()
    {
        PoseEventSchemaCheck.AssertValid(WriteOne(0));
        PoseEventSchemaCheck.AssertValid(WriteOne(3));
    }

    [Fact]
    public void Tracked_persons_carry_their_track_id_and_age_and_validate()
    {
        var tracker = new Core.Tracking.ByteTracker(new Core.Tracking.TrackerOptions());
        var persons = EventFrames.Persons(2);
        using var writer = new PoseEventWriter(s_options);
        string json = "";
        for (int seq = 0; seq < 5; seq++)
        {
            tracker.Update(persons);
            var result = _frames.Make(EventFrames.Source(0, "door"), seq, EventFrames.T0, persons, tracker: tracker);
            try
            {
                json = Encoding.UTF8.GetString(writer.Write(result).Span);
            }
            finally
            {
                result.Release();
            }
        }

        using var doc = JsonDocument.Parse(json);
        var people = doc.RootElement.GetProperty("persons");
        Assert.Equal([1, 2], people.EnumerateArray().Select(p => p.GetProperty("track").GetInt32()).Order());
        Assert.All(people.EnumerateArray(), p => Assert.Equal(5, p.GetProperty("track_age").GetInt32()));
        PoseEventSchemaCheck.AssertValid(json);
    }
}
