using EdgePose.Host.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Val;

/// <summary>
/// One `edgepose val` run of the floathead model on coco-mini val2017 (79 images, about 10–20 s on 2 cores),
/// shared by every test of <see cref="CocoMiniValTests"/>. Runs only where the shared material is present.
/// </summary>
public sealed class CocoMiniValFixture : IAsyncLifetime
{
    public static readonly string[] Needs = ["models/yolo11n-pose_int8_floathead.onnx", "data/coco-mini/annotations/person_keypoints_val2017.json", "reference/stats.json"];

    public string Output { get; } = TestPaths.NewTempDir("edgepose-val-mini");

    public int ExitCode { get; private set; } = -1;

    public string Stdout { get; private set; } = "";

    public static string Annotations => TestPaths.Shared("data", "coco-mini", "annotations", "person_keypoints_val2017.json");

    public async Task InitializeAsync()
    {
        if (SkipReasons.MissingShared(Needs) is null)
        {
            var run = await CliRun.InProcess("val", "--model", TestPaths.FloatHeadModel, "--data", Annotations, "--out", Output);
            (ExitCode, Stdout) = (run.ExitCode, run.Stdout);
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Output, recursive: true);
        return Task.CompletedTask;
    }
}
