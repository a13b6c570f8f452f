using EdgePose.Cli;
using System.Text.RegularExpressions;
using EdgePose.Core.Errors;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Hostile;

/// <summary>
/// The grep-level guard of issue 9 (class 8): `edgepose`'s error paths each end in error lines that name what is
/// wrong and never an exception type; a folder given for a file says so; bad options come before any work.
/// </summary>
public sealed partial class ErrorMessageGuardTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("edgepose-guard");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [GeneratedRegex(@"\b\w+Exception\b")]
    private static partial Regex ExceptionName();

    private string At(params string[] parts) => Path.Combine([_dir, .. parts]);

    public static TheoryData<string> ErrorPaths() =>
    [
        "predict -m /nonexistent/m.onnx -s IMAGE -o OUT",
        "predict -m DIR -s IMAGE -o OUT",
        "predict -m NOTONNX -s IMAGE -o OUT",
        "predict -m EMPTY -s IMAGE -o OUT",
        "predict -m MODEL -s /dev/zero -o OUT",
        "predict -m MODEL -s /dev/null -o OUT",
        "predict -m MODEL -s EMPTYDIR -o OUT",
        "predict -m MODEL -s IMAGE -o FILE --exist-ok",
        "predict -m MODEL -s IMAGE -o OUT --threads 100000",
        "predict -m MODEL -s IMAGE -o OUT --imgsz 64000",
        "predict -m MODEL -s IMAGE -o OUT --kpt-shape 17",
        "predict -m MODEL -s IMAGE -o OUT --max-det 2000000000",
        "predict -m MODEL -s BROKEN -o OUT",
        "predict -m MODEL -s IMAGE -o OUT --bogus",
        "val -m MODEL --data DIR -o OUT",
        "val -m MODEL --data NOTJSON -o OUT",
        "val -m MODEL --data /dev/zero -o OUT",
        "val --compare MODEL NOTONNX --data COCO8 -o OUT",
        "build-engine --onnx /nonexistent/m.onnx --out OUT/m.engine",
        "build-engine --onnx DIR --out OUT/m.engine",
    ];

    [RequiresSharedTheory("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    [MemberData(nameof(ErrorPaths))]
    public async Task Error_path_ends_in_error_lines_without_an_exception_type_name(string commandLine)
    {
        var r = await CliRun.InProcess(Expand(commandLine));

        Assert.NotEqual(ExitCodes.Ok, r.ExitCode);
        Assert.NotEmpty(r.ErrorLines);
        foreach (var line in r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.False(ExceptionName().IsMatch(line), $"'{commandLine}' printed an exception type name: {line}");
        }
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx")]
    public async Task Folder_given_as_the_model_or_the_data_says_it_is_a_folder()
    {
        var model = await CliRun.InProcess(Expand("predict -m DIR -s IMAGE -o OUT"));
        Assert.Contains("is a folder; give a file", model.ErrorLines[0], StringComparison.Ordinal);
        var data = await CliRun.InProcess(Expand("val -m MODEL --data DIR -o OUT"));
        Assert.Contains("is a folder; give a file", data.ErrorLines[0], StringComparison.Ordinal);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Compare_with_a_bad_second_model_fails_before_the_first_is_evaluated()
    {
        var r = await CliRun.InProcess(Expand("val --compare MODEL NOTONNX --data COCO8 -o OUT"));

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("notes.onnx", r.ErrorLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("INF] Val ", r.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(At("out")));
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx")]
    public async Task Kpt_shape_option_named_by_the_advice_exists_and_checks_its_value()
    {
        var bad = await CliRun.InProcess(Expand("predict -m MODEL -s IMAGE -o OUT --kpt-shape 17"));
        Assert.Contains("--kpt-shape '17' is not K,D", bad.ErrorLines[0], StringComparison.Ordinal);

        var given = await CliRun.InProcess(Expand("predict -m MODEL -s IMAGE -o OUT --kpt-shape 17,3"));
        Assert.Equal(ExitCodes.Ok, given.ExitCode);
    }

    /// <summary>The command line with its placeholders made real (files created on demand).</summary>
    private string[] Expand(string commandLine)
    {
        Directory.CreateDirectory(At("in"));
        Directory.CreateDirectory(At("dir"));
        Directory.CreateDirectory(At("emptydir"));
        var image = At("in", "grey.png");
        if (!File.Exists(image))
        {
            using var img = new OpenCvSharp.Mat(48, 64, OpenCvSharp.MatType.CV_8UC3, OpenCvSharp.Scalar.All(0));
            Native.OpenCv.ImageCodec.Write(image, img);
            File.WriteAllText(At("notes.onnx"), "this is not a model\n");
            File.WriteAllBytes(At("empty.onnx"), []);
            File.WriteAllText(At("file"), "x");
            File.WriteAllText(At("notjson.json"), "{ not json");
            File.WriteAllBytes(At("in", "broken.jpg"), [0xFF, 0xD8, 0xFF, 0x00]);
        }

        return commandLine.Split(' ').Select(a => a switch
        {
            "MODEL" => TestPaths.FloatHeadModel,
            "IMAGE" => image,
            "BROKEN" => At("in", "broken.jpg"),
            "DIR" => At("dir"),
            "EMPTYDIR" => At("emptydir"),
            "NOTONNX" => At("notes.onnx"),
            "EMPTY" => At("empty.onnx"),
            "FILE" => At("file"),
            "NOTJSON" => At("notjson.json"),
            "COCO8" => Path.Combine(TestPaths.Coco8Pose, "coco8-pose.yaml"),
            "OUT" => At("out"),
            _ when a.StartsWith("OUT/", StringComparison.Ordinal) => At("out", a[4..]),
            _ => a,
        }).ToArray();
    }
}
