using EdgePose.Cli;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Run;

/// <summary>`edgepose run` end to end in-process: real model, real GStreamer sources, the generic host.</summary>
/// <remarks>One collection with the other in-process runs: a test here sets EDGEPOSE__* environment variables, which every run reads.</remarks>
[Collection(InProcessRuns)]
public sealed class RunCommandTests : IDisposable
{
    /// <summary>The collection of tests that run `edgepose run` in this process.</summary>
    public const string InProcessRuns = "edgepose run in-process";

    private const string Vtest = TestPaths.SampleVideo;
    private const string Model = "models/yolo11n-pose_int8_floathead.onnx";
    private readonly string _dir = TestPaths.NewTempDir("edgepose-run");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<CliRun> Run(params string[] args) =>
        CliRun.InProcess(["run", "--model", TestPaths.FloatHeadModel, "--status-interval", "0", .. args]);

    [RequiresFileFact(Vtest, Model)]
    public async Task Poses_arrive_from_the_sample_video_and_the_summary_has_every_stage()
    {
        var r = await Run("--source", Vtest, "--max-frames", "12");

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("edgepose run: 12 frames from 1 source", r.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"vtest\s+ended\s+12\s+12\s+0\s+[1-9]\d*", r.Stdout);
        foreach (var row in new[] { "queue", "preprocess", "inference", "decode", "engine run", "capture-to-result" })
        {
            Assert.Matches($@"(?m)^{row}\s+\d+\.\d", r.Stdout);
        }
    }

    [RequiresGStreamerFact(Model)]
    public async Task Several_test_sources_run_side_by_side_with_their_ids()
    {
        var r = await Run("--source", "left=test://ball?live=false&frames=6", "--source", "right=test://snow?live=false&frames=4");

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Matches(@"left\s+ended\s+6\s+6", r.Stdout);
        Assert.Matches(@"right\s+ended\s+4\s+4", r.Stdout);
    }

    [RequiresGStreamerFact(Model)]
    public async Task Events_go_to_json_lines_and_frames_to_an_annotated_video_per_source()
    {
        var events = Path.Combine(_dir, "events.jsonl");
        var video = Path.Combine(_dir, "{source}.mp4");

        var r = await Run("--source", "a=test://ball?live=false&frames=4", "--source", "b=test://snow?live=false&frames=3", "--jsonl", events, "--video", video, "--conf", "0.01");

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        var lines = File.ReadAllLines(events);
        Assert.All(lines, l => Assert.StartsWith("{\"schema\":\"edgepose.poses/1\"", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"source\":\"a\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"source\":\"b\"", StringComparison.Ordinal));
        Assert.True(new FileInfo(Path.Combine(_dir, "a.mp4")).Length > 0);
        Assert.True(new FileInfo(Path.Combine(_dir, "b.mp4")).Length > 0);
        Assert.Matches(@"(?m)^capture-to-jsonl\s+\d", r.Stdout);
    }

    [RequiresGStreamerFact(Model)]
    public async Task An_unknown_scheme_is_reported_naming_the_source_while_the_others_run()
    {
        var r = await Run("--source", "bad=foo://x", "--source", "good=test://ball?live=false&frames=3");

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("Source bad rejected: unknown source scheme 'foo'", r.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"good\s+ended\s+3\s+3", r.Stdout);
    }

    [RequiresGStreamerFact(Model)]
    public async Task A_missing_camera_is_reported_naming_it_while_the_others_run()
    {
        var r = await Run("--source", "cam=v4l2:///dev/video97", "--source", "good=test://ball?live=false&frames=3");

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("Source cam rejected: camera '/dev/video97' not found", r.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"good\s+ended\s+3\s+3", r.Stdout);
    }

    [RequiresGStreamerFact(Model)]
    public async Task Two_sources_with_the_same_id_keep_the_first_and_report_the_second()
    {
        var r = await Run("--source", "a=test://ball?live=false&frames=3", "--source", "a=test://snow?live=false&frames=3");

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("Source a rejected: the id is already used by Sources:0", r.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"a\s+ended\s+3\s+3", r.Stdout);
    }

    [RequiresGStreamerFact(Model)]
    public async Task A_corrupt_video_file_fails_naming_it_while_the_others_run()
    {
        var corrupt = Path.Combine(_dir, "corrupt.mp4");
        var bytes = new byte[200_000];
        new Random(1).NextBytes(bytes);
        File.WriteAllBytes(corrupt, bytes);

        var r = await Run("--source", "broken=" + corrupt, "--source", "good=test://ball?live=false&frames=3");

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Matches(@"Source broken failed: .*broken", r.Stderr);
        Assert.Matches(@"broken\s+failed", r.Stdout);
        Assert.Matches(@"good\s+ended\s+3\s+3", r.Stdout);
    }

    [RequiresGStreamerFact(Model)]
    public async Task An_unreachable_stream_is_retried_and_logged_while_the_others_run()
    {
        var config = Path.Combine(_dir, "fast.json");
        File.WriteAllText(config, """
            // short timeouts so the test is quick
            { "Pipeline": { "OpenTimeoutSeconds": 1, "ReconnectInitialSeconds": 0.1, "ReconnectMaxSeconds": 0.3 } }
            """);

        var r = await Run("--config", config, "--source", "door=rtsp://user:secret@127.0.0.1:9/none", "--source", "good=test://ball?fps=15", "--duration", "3");

        Assert.Contains("Source door unavailable:", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", r.Stderr + r.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"door\s+stopped\s+0\s+0", r.Stdout);
        Assert.Matches(@"(?m)^  source 'door'", r.Stdout); // the last error under the source's row
        Assert.Matches(@"good\s+stopped\s+\d+\s+[1-9]", r.Stdout);
    }

    [Fact]
    public async Task An_unknown_configuration_key_is_an_error_naming_it()
    {
        var config = Path.Combine(_dir, "typo.json");
        File.WriteAllText(config, """{ "Pipeline": { "ReadTimeoutSecs": 3 } }""");

        var r = await Run("--config", config, "--source", "test://ball");

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Equal(["error: configuration key 'Pipeline:ReadTimeoutSecs' is not a setting of edgepose run; see config/edgepose.example.jsonc"], r.ErrorLines);
    }

    [Fact]
    public async Task A_setting_out_of_range_is_an_error_naming_its_key()
    {
        var r = await Run("--source", "test://ball", "--batch", "0");

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Single(r.ErrorLines);
        Assert.Contains("Model:Batch: 0 is not 1 to 64", r.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_an_error_naming_its_key()
    {
        var config = Path.Combine(_dir, "type.json");
        File.WriteAllText(config, """{ "Model": { "Threads": "many" } }""");

        var r = await Run("--config", config, "--source", "test://ball");

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Equal(["error: configuration key 'Model:Threads' has the value 'many', which is not of the setting's type"], r.ErrorLines);
    }

    [Fact]
    public async Task A_config_file_that_is_not_json_is_an_error_naming_it()
    {
        var config = Path.Combine(_dir, "broken.json");
        File.WriteAllText(config, "{ \"Model\": ");

        var r = await Run("--config", config, "--source", "test://ball");

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.StartsWith($"error: config file '{config}' is not valid JSON", r.ErrorLines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_variables_set_settings_below_the_command_line()
    {
        Environment.SetEnvironmentVariable("EDGEPOSE__Model__Iou", "7");
        try
        {
            var r = await Run("--source", "test://ball");
            Assert.Equal(ExitCodes.BadInput, r.ExitCode);
            Assert.Contains("Model:Iou: 7 is not in [0, 1]", r.ErrorLines.Single(), StringComparison.Ordinal);

            var overridden = await Run("--source", "test://ball", "--iou", "5");
            Assert.Contains("Model:Iou: 5 is not in [0, 1]", overridden.ErrorLines.Single(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("EDGEPOSE__Model__Iou", null);
        }
    }

    [Fact]
    public async Task The_example_config_file_is_valid()
    {
        var example = Path.Combine(TestPaths.RepoRoot, "config", "edgepose.example.jsonc");

        // Validation fails only on the model path the example leaves to the user: every key is known and in range.
        var r = await CliRun.InProcess("run", "--config", example, "--model", Path.Combine(_dir, "absent.onnx"), "--status-interval", "0");

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("absent.onnx", r.ErrorLines.Single(), StringComparison.Ordinal);
    }
}
