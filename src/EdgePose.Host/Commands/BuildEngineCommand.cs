using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EdgePose.Cli;
using EdgePose.Core.Errors;
using EdgePose.Native.OpenCv;
using EdgePose.Native.TensorRt;
using EdgePose.TensorRt.Building;
using EdgePose.TensorRt.Building.Calibration;
using EdgePose.TensorRt.Compatibility;
using EdgePose.TensorRt.Runtime;

namespace EdgePose.Host.Commands;

/// <summary>
/// `edgepose build-engine`: ONNX -> TensorRT plan (plus sidecar JSON) on this machine's GPU, with
/// progress. Options are checked first, with one-line errors, and work without TensorRT; the build
/// itself needs it.
/// </summary>
public static class BuildEngineCommand
{
    public static Command Create()
    {
        var onnx = new Option<string>("--onnx") { Description = "ONNX model to build from", Required = true };
        var fp16 = new Option<bool>("--fp16") { Description = "allow FP16 kernels (the usual choice on Jetson)" };
        var int8 = new Option<bool>("--int8") { Description = "INT8 (FP16 where not quantised): from a QDQ ONNX, or calibrated with --calib-images" };
        var calib = new Option<string?>("--calib-images") { Description = "folder of representative images for INT8 calibration of a non-QDQ ONNX" };
        var batch = new Option<int>("--batch") { Description = "largest batch (needs an ONNX with a dynamic batch when above 1)", DefaultValueFactory = _ => 1 };
        var workspace = new Option<int?>("--workspace") { Description = "builder workspace limit in MiB (default: TensorRT's)" };
        var timingCache = new Option<string?>("--timing-cache") { Description = "timing cache file: read if present, updated after the build" };
        var dla = new Option<int?>("--dla") { Description = "DLA core to run on (Jetson Xavier/Orin), with GPU fallback" };
        var output = new Option<string?>("--out") { Description = "plan file to write (default: beside the ONNX, <name>.<precision>.engine)" };

        var cmd = new Command("build-engine", "Build a TensorRT engine (plan + sidecar JSON) from an ONNX model on this GPU")
        {
            onnx, fp16, int8, calib, batch, workspace, timingCache, dla, output,
        };
        cmd.SetAction((parse, ct) =>
        {
            var arguments = new EngineBuildArguments
            {
                Onnx = parse.GetValue(onnx),
                Fp16 = parse.GetValue(fp16),
                Int8 = parse.GetValue(int8),
                CalibrationImages = parse.GetValue(calib),
                Batch = parse.GetValue(batch),
                WorkspaceMiB = parse.GetValue(workspace),
                TimingCache = parse.GetValue(timingCache),
                DlaCore = parse.GetValue(dla),
                Output = parse.GetValue(output),
            };
            var config = parse.InvocationConfiguration;
            return Task.FromResult(Run(arguments, config.Output, config.Error, ct));
        });
        return cmd;
    }

    /// <summary>Validates, builds, and reports; exceptions carry the one-line errors.</summary>
    internal static int Run(EngineBuildArguments arguments, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var plan = arguments.Validate();
        TensorRtLibrary.EnsureAvailable();
        if (plan.NeedsCalibration)
        {
            OpenCvNative.Require("--calib-images (INT8 calibration decodes images)");
        }

        TrtLog.SetSink((severity, message) => stderr.WriteLine($"TensorRT {severity.ToString().ToLowerInvariant()}: {message.ReplaceLineEndings(" ")}"), TrtLogSeverity.Warning);
        try
        {
            var f = plan.Flags;
            stdout.WriteLine($"building {plan.OutputPath}");
            stdout.WriteLine($"  from {plan.OnnxPath} ({(plan.Onnx.IsQuantized ? "quantised, QDQ" : "float")}), {EngineBuildFlags.Spell(f.Precision)}, batch {f.Batch}"
                + (f.DlaCore is { } d ? $", DLA core {d}" : "") + (plan.NeedsCalibration ? $", calibrating on {plan.CalibrationImages.Count} images" : ""));
            foreach (var p in plan.InputProfiles)
            {
                stdout.WriteLine($"  profile {p}");
            }

            stdout.WriteLine($"  with {TensorRtLibrary.Describe()} on {TensorRtLibrary.GetGpu()}");
            var printer = new ProgressPrinter(stdout);
            using var preprocessor = plan.NeedsCalibration ? new LetterboxCalibrationPreprocessor() : null;
            var result = EngineBuilder.Build(plan, printer, preprocessor, ct);

            foreach (var skipped in result.SkippedCalibrationImages)
            {
                stderr.WriteLine("warning: calibration skipped " + CommandErrors.OneLine(skipped));
            }

            var mib = new FileInfo(result.PlanPath).Length / (1024.0 * 1024.0);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {result.PlanPath} ({mib:F1} MiB) and {result.SidecarPath} in {result.Duration.TotalSeconds:F0} s"));
            stdout.WriteLine($"compare with TensorRT's own runner: trtexec --loadEngine={RebuildCommand.Quote(result.PlanPath)}");
            return 0;
        }
        finally
        {
            TrtLog.SetSink(null); // the sink holds this command's stderr: let it go with the command
        }
    }

    /// <summary>Phase starts and ends with their times, and step counts at most every 10 %.</summary>
    private sealed class ProgressPrinter(TextWriter stdout) : IProgress<EngineBuildProgress>
    {
        private readonly Dictionary<string, (Stopwatch Clock, int Depth, int LastTenth)> _phases = new(StringComparer.Ordinal);
        private readonly Lock _lock = new();

        public void Report(EngineBuildProgress value)
        {
            lock (_lock)
            {
                if (!_phases.TryGetValue(value.Phase, out var phase))
                {
                    var depth = value.ParentPhase is { } parent && _phases.TryGetValue(parent, out var p) ? p.Depth + 1 : 0;
                    phase = (Stopwatch.StartNew(), depth, -1);
                    _phases[value.Phase] = phase;
                    stdout.WriteLine($"{Indent(depth)}{value.Phase}...");
                    if (value.Step == 0 && !value.Finished)
                    {
                        return;
                    }
                }

                if (value.Finished)
                {
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Indent(phase.Depth)}{value.Phase}: done in {phase.Clock.Elapsed.TotalSeconds:F1} s"));
                    _phases.Remove(value.Phase);
                    return;
                }

                if (value.Steps > 0)
                {
                    var tenth = value.Step * 10 / value.Steps;
                    if (tenth > phase.LastTenth)
                    {
                        _phases[value.Phase] = phase with { LastTenth = tenth };
                        stdout.WriteLine($"{Indent(phase.Depth)}{value.Phase}: {value.Step}/{value.Steps}");
                    }
                }
            }
        }

        private static string Indent(int depth) => new(' ', 2 * Math.Min(depth, 8));
    }
}
