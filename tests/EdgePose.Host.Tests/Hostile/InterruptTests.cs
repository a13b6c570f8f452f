using EdgePose.Cli;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using EdgePose.Core.Errors;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Hostile;

/// <summary>
/// SIGINT and SIGTERM sent to a running `edgepose` child process: it closes the video and the JSON Lines it has
/// open, says "cancelled", and exits 130 or 143 (issue 9, class 7).
/// </summary>
public sealed class InterruptTests : IDisposable
{
    private const string Vtest = "/usr/share/doc/opencv-doc/examples/data/vtest.avi";

    private readonly string _dir = TestPaths.NewTempDir("edgepose-interrupt");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [RequiresFileTheory(Vtest, "models/yolo11n-pose_int8_floathead.onnx")]
    [InlineData("INT", ExitCodes.Cancelled)]
    [InlineData("TERM", ExitCodes.Terminated)]
    public void Signal_during_a_video_closes_the_video_and_the_json_lines_and_exits_with_the_signal_code(string signal, int expected)
    {
        var output = Path.Combine(_dir, "out");
        var (code, _, stderr) = RunAndSignal(signal, "predict", "-m", TestPaths.FloatHeadModel, "-s", Vtest, "-o", output);

        Assert.Equal(expected, code);
        Assert.Contains("error: cancelled", stderr, StringComparison.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(output, "vtest.jsonl"));
        Assert.NotEmpty(lines);
        Assert.True(lines.Length < 795, "the run was cut short");
        Assert.All(lines, l => JsonDocument.Parse(l).Dispose());
        var avi = File.ReadAllBytes(Path.Combine(output, "vtest.avi"));
        Assert.True(avi.AsSpan().IndexOf("idx1"u8) > 0, "the AVI was closed: it has its index");
        Assert.Empty(Directory.GetFiles(output, ".*"));
    }

    [RequiresSharedTheory("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    [InlineData("INT", ExitCodes.Cancelled)]
    [InlineData("TERM", ExitCodes.Terminated)]
    public void Signal_during_a_folder_keeps_the_finished_images_and_exits_with_the_signal_code(string signal, int expected)
    {
        var folder = Path.Combine(_dir, "in");
        Directory.CreateDirectory(folder);
        var image = Path.Combine(TestPaths.Coco8Pose, "images", "val", "000000000136.jpg");
        for (int i = 0; i < 400; i++)
        {
            File.CreateSymbolicLink(Path.Combine(folder, $"{i:D4}.jpg"), image);
        }

        var output = Path.Combine(_dir, "out");
        var (code, _, stderr) = RunAndSignal(signal, "predict", "-m", TestPaths.FloatHeadModel, "-s", folder, "-o", output, "--no-images");

        Assert.Equal(expected, code);
        Assert.Contains("error: cancelled", stderr, StringComparison.Ordinal);
        var written = Directory.GetFiles(output);
        Assert.InRange(written.Length, 1, 399);
        Assert.All(written, f => JsonDocument.Parse(File.ReadAllText(f)).Dispose());
    }

    [RequiresSharedTheory("models/yolo11n-pose_int8_floathead.onnx", "data/coco-mini")]
    [InlineData("INT", ExitCodes.Cancelled)]
    [InlineData("TERM", ExitCodes.Terminated)]
    public void Signal_during_val_ends_it_cancelled_with_the_signal_code_and_writes_no_half_results(string signal, int expected)
    {
        var output = Path.Combine(_dir, "val");
        var data = Path.Combine(TestPaths.CocoMini, "annotations", "person_keypoints_val2017.json");
        var (code, _, stderr) = RunAndSignalWhen(signal, "INF] Val ", "val", "-m", TestPaths.FloatHeadModel, "--data", data, "-o", output);

        Assert.Equal(expected, code);
        Assert.Contains("error: cancelled", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "metrics.json")));
    }

    [RequiresSharedTheory("models/yolo11n-pose_int8_floathead.onnx")]
    [InlineData("INT", ExitCodes.Cancelled)]
    [InlineData("TERM", ExitCodes.Terminated)]
    public void Signal_during_a_live_run_drains_prints_the_summary_and_exits_with_the_signal_code(string signal, int expected)
    {
        var events = Path.Combine(_dir, "events.jsonl");
        var (code, stdout, stderr) = RunAndSignalWhen(signal, "is live", "run", "-m", TestPaths.FloatHeadModel, "-s", "cam=test://ball?fps=10", "--status-interval", "0", "--jsonl", events);

        Assert.Equal(expected, code);
        Assert.Matches(@"cam\s+stopped\s+\d+\s+[1-9]", stdout);
        Assert.Contains("error: cancelled", stderr, StringComparison.Ordinal);
        if (File.Exists(events))
        {
            Assert.All(File.ReadAllLines(events), l => JsonDocument.Parse(l).Dispose());
        }
    }

    private static (int Code, string Stdout, string Stderr) RunAndSignal(string signal, params string[] args) => RunAndSignalWhen(signal, null, args);

    /// <summary>
    /// Starts the built edgepose, waits until it writes its first output (or prints <paramref name="readyLine"/> on
    /// stderr), sends the signal, and waits for it to end.
    /// </summary>
    private static (int Code, string Stdout, string Stderr) RunAndSignalWhen(string signal, string? readyLine, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "edgepose.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var output = args[Array.IndexOf(args, "-o") + 1];
        using var p = Process.Start(psi)!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        p.OutputDataReceived += (_, e) => { lock (stdout) { stdout.AppendLine(e.Data); } };
        p.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        bool Ready()
        {
            lock (stderr)
            {
                return readyLine is null ? HasOutput(output) : stderr.ToString().Contains(readyLine, StringComparison.Ordinal);
            }
        }

        while (!p.HasExited && DateTime.UtcNow < deadline && !Ready())
        {
            Thread.Sleep(100);
        }

        Assert.False(p.HasExited, "edgepose ended before the signal: " + stderr);
        Thread.Sleep(readyLine is null ? 300 : 1500);
        using (var kill = Process.Start("kill", ["-" + signal, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!p.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail("edgepose did not end within a minute of the signal");
        }

        p.WaitForExit();
        return (p.ExitCode, stdout.ToString(), stderr.ToString());
    }

    private static bool HasOutput(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(f => new FileInfo(f).Length > 0);
}
