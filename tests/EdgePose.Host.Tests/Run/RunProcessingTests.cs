using EdgePose.Cli;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Run;

/// <summary>
/// `edgepose run` choosing GPU or CPU processing (section "Processing", --processing) on a machine without the CUDA
/// driver, for real: auto says why it runs on the CPU, gpu falls back with a warning or stops with one error line.
/// </summary>
[Collection(RunCommandTests.InProcessRuns)]
public sealed class RunProcessingTests : IDisposable
{
    private const string Model = "models/yolo11n-pose_int8_floathead.onnx";
    private const string NoDriver = "no NVIDIA driver (CUDA driver (libcuda.so.1) not found: this machine has no NVIDIA driver)";
    private readonly string _dir = TestPaths.NewTempDir("edgepose-processing");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [WithoutCudaDriverFact(Model)]
    public async Task Auto_runs_on_the_cpu_and_says_why_in_one_info_line()
    {
        var r = await Run(null, "--processing", "auto");

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Single(Lines(r.Stderr, "GPU processing unavailable"));
        Assert.Contains("pre- and post-processing on the CPU: GPU processing unavailable, " + NoDriver, r.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"a\s+ended\s+3\s+3", r.Stdout);
    }

    [WithoutCudaDriverFact(Model)]
    public async Task Gpu_with_the_default_cpu_fallback_warns_naming_the_driver_and_runs()
    {
        var r = await Run(null, "--processing", "gpu");

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("Processing:Mode is gpu but " + NoDriver + "; falling back to the CPU", r.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"a\s+ended\s+3\s+3", r.Stdout);
    }

    [WithoutCudaDriverFact(Model)]
    public async Task Gpu_without_a_fallback_stops_with_one_error_line_and_exit_code_1()
    {
        var config = WriteConfig("""{ "Processing": { "Mode": "gpu", "Fallback": "none" } }""");

        var r = await Run(config);

        Assert.Equal(ExitCodes.Failure, r.ExitCode);
        var error = Assert.Single(r.ErrorLines);
        Assert.StartsWith("error: Processing:Mode is gpu but " + NoDriver, error, StringComparison.Ordinal);
        Assert.Contains("Processing:Fallback none", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", r.Stderr, StringComparison.Ordinal);
    }

    [WithoutCudaDriverFact(Model)]
    public async Task Cpu_never_probes_the_gpu()
    {
        var r = await Run(null, "--processing", "cpu");

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.DoesNotContain("GPU", r.Stderr, StringComparison.Ordinal);
    }

    [RequiresGStreamerFact(Model)]
    public async Task An_unknown_mode_is_bad_input_naming_the_key()
    {
        var r = await Run(null, "--processing", "cuda");

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("Processing:Mode: 'cuda' is not auto, gpu or cpu", r.Stderr, StringComparison.Ordinal);
    }

    [RequiresGStreamerFact(Model)]
    public async Task An_unknown_fallback_is_bad_input_naming_the_key()
    {
        var r = await Run(WriteConfig("""{ "Processing": { "Fallback": "gpu" } }"""));

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("Processing:Fallback: 'gpu' is not cpu or none", r.Stderr, StringComparison.Ordinal);
    }

    private static Task<CliRun> Run(string? config, params string[] args) =>
        CliRun.InProcess(["run", "--model", TestPaths.FloatHeadModel, "--status-interval", "0", "--source", "a=test://ball?live=false&frames=3", .. config is null ? Array.Empty<string>() : ["--config", config], .. args]);

    private static string[] Lines(string text, string containing) =>
        text.Split('\n').Where(l => l.Contains(containing, StringComparison.Ordinal)).ToArray();

    private string WriteConfig(string json)
    {
        var path = Path.Combine(_dir, "processing.json");
        File.WriteAllText(path, json);
        return path;
    }
}
