using EdgePose.Cli;
using EdgePose.Host.Tests.Support;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Run;

/// <summary>
/// A headless `edgepose run` (GStreamer capture, poses, JSON Lines) never loads OpenCV's 113 MB native library:
/// read from the running child's /proc/PID/maps, and run from a copy of the application without the library.
/// Drawing outputs load it, and without it they say which package to add (issue 17).
/// </summary>
public sealed class HeadlessRunTests : IDisposable
{
    private const string Model = "models/yolo11n-pose_int8_floathead.onnx";
    private const string Source = "test://ball?live=false&frames=100000";
    private readonly string _dir = TestPaths.NewTempDir("edgepose-headless");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [RequiresGStreamerFact(Model)]
    public void A_run_to_json_lines_maps_gstreamer_and_onnx_runtime_but_not_opencv()
    {
        var events = Path.Combine(_dir, "events.jsonl");

        var maps = MappedLibraries.WhileRunning(AppContext.BaseDirectory, () => LinesIn(events) >= 3, Run("--jsonl", events));

        Assert.Null(maps.ExitCode);
        Assert.True(maps.Has("libonnxruntime.so"), "ONNX Runtime is mapped: the maps read are the running pipeline's");
        Assert.Contains(maps.Files, f => Path.GetFileName(f).StartsWith("libgstreamer-1.0.so", StringComparison.Ordinal));
        Assert.False(maps.Has(OpenCvNative.LibraryFile), "a headless run mapped " + OpenCvNative.LibraryFile);
    }

    [RequiresGStreamerFact(Model)]
    public void A_run_that_writes_annotated_video_maps_opencv()
    {
        var events = Path.Combine(_dir, "events.jsonl");

        var maps = MappedLibraries.WhileRunning(AppContext.BaseDirectory, () => LinesIn(events) >= 3, Run("--jsonl", events, "--video", Path.Combine(_dir, "{source}.avi")));

        Assert.Null(maps.ExitCode);
        Assert.True(maps.Has(OpenCvNative.LibraryFile), "the annotated video is drawn and encoded by OpenCV");
    }

    [RequiresGStreamerFact(Model)]
    public void Without_opencvs_native_library_a_headless_run_works_and_drawing_names_the_package_to_add()
    {
        var app = CopyWithoutOpenCv();
        var events = Path.Combine(_dir, "events.jsonl");

        var headless = CliRunIn(app, "run", "--model", TestPaths.FloatHeadModel, "--status-interval", "0", "--source", "test://ball?live=false&frames=3", "--jsonl", events);
        var drawing = CliRunIn(app, "run", "--model", TestPaths.FloatHeadModel, "--status-interval", "0", "--source", "test://ball?live=false&frames=3", "--video", Path.Combine(_dir, "out.avi"));

        Assert.Equal(ExitCodes.Ok, headless.ExitCode);
        Assert.Contains("edgepose run: 3 frames from 1 source", headless.Stdout, StringComparison.Ordinal);
        Assert.NotEmpty(File.ReadAllLines(events));
        Assert.Equal(ExitCodes.Failure, drawing.ExitCode);
        var error = Assert.Single(drawing.ErrorLines);
        Assert.Contains("--video", error, StringComparison.Ordinal);
        Assert.Contains(OpenCvNative.RuntimePackage, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_opencvs_native_library_info_says_it_is_missing_and_names_the_package()
    {
        var info = CliRunIn(CopyWithoutOpenCv(), "info");

        Assert.Equal(ExitCodes.Ok, info.ExitCode);
        Assert.Contains($"OpenCV: not found ({OpenCvNative.LibraryFile} is not installed or cannot be loaded: add the NuGet package {OpenCvNative.RuntimePackage}", info.Stdout, StringComparison.Ordinal);
        Assert.Contains("ONNX Runtime: 1.31.1", info.Stdout, StringComparison.Ordinal);
    }

    private static string[] Run(params string[] outputs) =>
        ["run", "--model", TestPaths.FloatHeadModel, "--status-interval", "0", "--source", Source, .. outputs];

    private static int LinesIn(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            int n = 0;
            while (reader.ReadLine() is not null)
            {
                n++;
            }

            return n;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }

    // The application as built, less OpenCvSharp's native library (as a linux-arm64 publish without its runtime
    // package): symbolic links, but the entry assembly and its .json files copied, as the host takes the folder
    // of the entry assembly's real path for the application's.
    private string CopyWithoutOpenCv()
    {
        var app = Path.Combine(_dir, "app");
        var from = AppContext.BaseDirectory;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) == OpenCvNative.LibraryFile)
            {
                continue;
            }

            var to = Path.Combine(app, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            if (Path.GetDirectoryName(file) == Path.TrimEndingDirectorySeparator(from) && Path.GetFileName(file).StartsWith("edgepose.", StringComparison.Ordinal))
            {
                File.Copy(file, to);
            }
            else
            {
                File.CreateSymbolicLink(to, file);
            }
        }

        return app;
    }

    private static CliRun CliRunIn(string app, params string[] args) =>
        CliRun.Process(new Dictionary<string, string>(), [.. args], app);
}
