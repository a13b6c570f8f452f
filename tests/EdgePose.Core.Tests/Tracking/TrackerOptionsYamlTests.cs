using EdgePose.Core.Errors;
using EdgePose.Core.Tracking;

namespace EdgePose.Core.Tests.Tracking;

public class TrackerOptionsYamlTests
{
    /// <summary>Ultralytics 8.3.166 cfg/trackers/bytetrack.yaml, settings as shipped.</summary>
    private const string UltralyticsDefaults = """
        tracker_type: bytetrack # tracker type, ['botsort', 'bytetrack']
        track_high_thresh: 0.25 # threshold for the first association
        track_low_thresh: 0.1 # threshold for the second association
        new_track_thresh: 0.25 # threshold for init new track if the detection does not match any tracks
        track_buffer: 30 # buffer to calculate the time when to remove tracks
        match_thresh: 0.8 # threshold for matching tracks
        fuse_score: True # Whether to fuse confidence scores with the iou distances before matching
        # min_box_area: 10  # threshold for min box areas(for tracker evaluation, not used for now)
        """;

    [Fact]
    public void Ultralytics_bytetrack_yaml_reads_as_the_defaults()
    {
        Assert.Equal(new TrackerOptions(), TrackerOptionsYaml.Parse(UltralyticsDefaults, "bytetrack.yaml"));
    }

    [Fact]
    public void Defaults_are_Ultralytics_bytetrack_settings()
    {
        var o = new TrackerOptions();
        Assert.Equal(("bytetrack", 0.25, 0.1, 0.25, 30, 0.8, true), (o.TrackerType, o.TrackHighThresh, o.TrackLowThresh, o.NewTrackThresh, o.TrackBuffer, o.MatchThresh, o.FuseScore));
    }

    [Fact]
    public void Keys_given_replace_defaults_and_others_stay()
    {
        var o = TrackerOptionsYaml.Parse("track_buffer: 60\nfuse_score: False\nmatch_thresh: 0.9\n", "t.yaml");
        Assert.Equal(new TrackerOptions { TrackBuffer = 60, FuseScore = false, MatchThresh = 0.9 }, o);
    }

    [Theory]
    [InlineData("track_buffer: 30\ngmc_method: sparseOptFlow\n", "unknown key 'gmc_method'")]
    [InlineData("track_high_thresh: 1.5\n", "track_high_thresh must be between 0 and 1")]
    [InlineData("match_thresh: -0.1\n", "match_thresh must be between 0 and 1")]
    [InlineData("new_track_thresh: 2\n", "new_track_thresh must be between 0 and 1")]
    [InlineData("track_low_thresh: 0.5\ntrack_high_thresh: 0.3\n", "track_low_thresh must not exceed track_high_thresh")]
    [InlineData("track_buffer: -1\n", "track_buffer must be 0 or more frames")]
    [InlineData("track_buffer: 2.5\n", "track_buffer must be a whole number")]
    [InlineData("match_thresh: high\n", "match_thresh must be a number")]
    [InlineData("fuse_score: maybe\n", "fuse_score must be True or False")]
    [InlineData("tracker_type: botsort\n", "tracker_type must be 'bytetrack'")]
    [InlineData("match_thresh: [1, 2]\n", "'match_thresh' must be a single value")]
    [InlineData("- a\n- b\n", "expected a YAML mapping")]
    public void Bad_configuration_is_a_one_line_error_naming_the_key(string yaml, string expected)
    {
        var e = Assert.Throws<InputException>(() => TrackerOptionsYaml.Parse(yaml, "tracker.yaml"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("tracker.yaml", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Missing_file_is_an_input_error_naming_it()
    {
        var e = Assert.Throws<InputException>(() => TrackerOptionsYaml.Load("/nonexistent/bytetrack.yaml"));
        Assert.Contains("/nonexistent/bytetrack.yaml", e.Message, StringComparison.Ordinal);
    }
}
