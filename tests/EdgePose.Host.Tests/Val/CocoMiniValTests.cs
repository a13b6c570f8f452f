using System.Text.Json;
using EdgePose.Cli;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;
using Xunit.Abstractions;
using EdgePose.Host.Val;

namespace EdgePose.Host.Tests.Val;

/// <summary>
/// Acceptance of issue 4 on coco-mini val2017: `edgepose val` reproduces pycocotools' numbers of
/// ../shared/reference/stats.json ("val": Ultralytics' predictions at conf 0.001 evaluated by pycocotools) and
/// writes every output. The val run happens once, in <see cref="CocoMiniValFixture"/>.
/// </summary>
public sealed class CocoMiniValTests(CocoMiniValFixture fixture, ITestOutputHelper output) : IClassFixture<CocoMiniValFixture>
{
    private const double Tolerance = 0.005;

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco-mini/annotations/person_keypoints_val2017.json", "reference/stats.json")]
    public void Keypoint_and_box_numbers_reproduce_the_pycocotools_reference()
    {
        Assert.Equal(ExitCodes.Ok, fixture.ExitCode);
        using var reference = JsonDocument.Parse(File.ReadAllText(TestPaths.Reference("stats.json")));
        using var metrics = ReadJson("metrics.json");
        foreach (var (group, count) in new[] { ("keypoints", 10), ("bbox", 12) })
        {
            var expected = reference.RootElement.GetProperty("val").GetProperty(group);
            var actual = metrics.RootElement.GetProperty(group);
            Assert.Equal(count, actual.EnumerateObject().Count());
            double worst = 0;
            foreach (var stat in expected.EnumerateObject())
            {
                double diff = Math.Abs(actual.GetProperty(stat.Name).GetDouble() - stat.Value.GetDouble());
                Assert.True(diff <= Tolerance, $"{group} {stat.Name}: {actual.GetProperty(stat.Name).GetDouble()} vs pycocotools {stat.Value.GetDouble()}");
                worst = Math.Max(worst, diff);
            }

            output.WriteLine($"{group}: {count} numbers, largest difference from pycocotools {worst:G3}");
        }
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco-mini/annotations/person_keypoints_val2017.json", "reference/coco-mini-val2017_val_results.json")]
    public void Results_file_holds_ultralytics_val_detections_with_its_rounding()
    {
        var ours = ByImage(File.ReadAllText(Path.Combine(fixture.Output, "predictions.json")));
        var reference = ByImage(File.ReadAllText(TestPaths.Reference("coco-mini-val2017_val_results.json")));

        Assert.Equal(reference.Values.Sum(d => d.Count), ours.Values.Sum(d => d.Count));
        int identical = 0;
        foreach (var (image, expected) in reference)
        {
            var actual = ours[image];
            Assert.Equal(expected.Count, actual.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].GetProperty("score").GetDouble(), actual[i].GetProperty("score").GetDouble());
                Assert.Equal(Numbers(expected[i], "bbox"), Numbers(actual[i], "bbox"));
                identical += Numbers(expected[i], "keypoints").SequenceEqual(Numbers(actual[i], "keypoints")) ? 1 : 0;
            }
        }

        output.WriteLine($"{identical} of {reference.Values.Sum(d => d.Count)} detections have bit-identical keypoints");
        Assert.Equal(reference.Values.Sum(d => d.Count), identical);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco-mini/annotations/person_keypoints_val2017.json", "reference/stats.json")]
    public void Metrics_json_summary_and_plots_are_written()
    {
        using var metrics = ReadJson("metrics.json");
        var root = metrics.RootElement;
        Assert.Equal(79, root.GetProperty("data").GetProperty("images").GetInt32());
        Assert.Equal(68, root.GetProperty("data").GetProperty("keypoint_instances").GetInt32());
        Assert.Equal(1820, root.GetProperty("detections").GetInt32());
        var settings = root.GetProperty("settings");
        Assert.Equal((0.001, 0.7, 300, true, false), (Math.Round(settings.GetProperty("conf").GetDouble(), 6), settings.GetProperty("iou").GetDouble(), settings.GetProperty("max_det").GetInt32(), settings.GetProperty("multi_label").GetBoolean(), settings.GetProperty("flip").GetBoolean()));
        Assert.Contains("ONNX Runtime", root.GetProperty("engine").GetString(), StringComparison.Ordinal);
        var perKeypoint = root.GetProperty("per_keypoint");
        Assert.Equal(17, perKeypoint.GetArrayLength());
        Assert.Equal("nose", perKeypoint[0].GetProperty("name").GetString());
        Assert.True(perKeypoint[0].GetProperty("mean_error_px").GetDouble() > 0);
        Assert.InRange(root.GetProperty("pck").GetProperty("PCK@0.05").GetProperty("pck").GetDouble(), 0.01, 1);
        Assert.True(root.GetProperty("timings").GetProperty("per_image_ms").GetProperty("inference").GetDouble() > 0);

        var summary = File.ReadAllText(Path.Combine(fixture.Output, "summary.md"));
        Assert.Contains("| 0.2775 | 0.6006 | 0.1867 |", summary, StringComparison.Ordinal);
        Assert.Contains("](pr_keypoints.png)", summary, StringComparison.Ordinal);

        foreach (var (png, width, height) in new[]
        {
            ("pr_keypoints.png", ValPlots.PrecisionRecallWidth, ValPlots.PrecisionRecallHeight),
            ("keypoint_errors.png", ValPlots.KeypointErrorsWidth, ValPlots.KeypointErrorsHeight(17)),
        })
        {
            using var image = ImageCodec.Read(Path.Combine(fixture.Output, png));
            Assert.Equal((width, height), (image.Cols, image.Rows));
        }
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco-mini/annotations/person_keypoints_val2017.json", "reference/stats.json")]
    public void Stdout_shows_the_keypoint_and_box_tables()
    {
        var stdout = fixture.Stdout;
        Assert.Contains("| AP | AP50 | AP75 | APm | APl | AR | AR50 | AR75 | ARm | ARl |", stdout, StringComparison.Ordinal);
        Assert.Contains("| AP | AP50 | AP75 | APs | APm | APl | AR1 | AR10 | AR100 | ARs | ARm | ARl |", stdout, StringComparison.Ordinal);
        Assert.Contains("79 images, 1820 detections; keypoint AP 0.2775, box AP 0.3729", stdout, StringComparison.Ordinal);
    }

    private JsonDocument ReadJson(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.Output, file)));

    private static double[] Numbers(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static Dictionary<long, List<JsonElement>> ByImage(string json)
    {
        var map = new Dictionary<long, List<JsonElement>>();
        foreach (var d in JsonDocument.Parse(json).RootElement.EnumerateArray())
        {
            long id = d.GetProperty("image_id").GetInt64();
            if (!map.TryGetValue(id, out var list))
            {
                map[id] = list = [];
            }

            list.Add(d);
        }

        return map;
    }
}
