using EdgePose.Core.Errors;
using EdgePose.TensorRt.Building.Calibration;
using EdgePose.TensorRt.Building.Onnx;

namespace EdgePose.TensorRt.Building;

/// <summary>
/// The options of `edgepose build-engine` as given. <see cref="Validate"/> checks them against each
/// other and against the files they name, before any TensorRT work, and throws
/// <see cref="InputException"/> (or <see cref="FormatException"/> for a file that is not ONNX) with one line
/// naming the option or file that is wrong.
/// </summary>
public sealed record EngineBuildArguments
{
    public string? Onnx { get; init; }

    public bool Fp16 { get; init; }

    public bool Int8 { get; init; }

    public string? CalibrationImages { get; init; }

    public int Batch { get; init; } = 1;

    public int? WorkspaceMiB { get; init; }

    public string? TimingCache { get; init; }

    public int? DlaCore { get; init; }

    public string? Output { get; init; }

    public EngineBuildPlan Validate()
    {
        if (string.IsNullOrWhiteSpace(Onnx))
        {
            throw new InputException("--onnx is required: the ONNX model to build the engine from");
        }

        if (Fp16 && Int8)
        {
            throw new InputException("--fp16 and --int8 exclude each other (--int8 already runs the layers it does not quantise in FP16)");
        }

        if (CalibrationImages is not null && !Int8)
        {
            throw new InputException("--calib-images applies only with --int8");
        }

        if (Batch < 1)
        {
            throw new InputException($"--batch must be at least 1, got {Batch}");
        }

        if (WorkspaceMiB is < 1)
        {
            throw new InputException($"--workspace must be at least 1 (MiB), got {WorkspaceMiB}");
        }

        if (DlaCore is < 0)
        {
            throw new InputException($"--dla must be a DLA core index (0 or 1 on Jetson Xavier and Orin), got {DlaCore}");
        }

        if (DlaCore is not null && !Fp16 && !Int8)
        {
            throw new InputException("--dla needs --fp16 or --int8: DLA has no FP32");
        }

        var onnx = Path.GetFullPath(Onnx);
        if (!File.Exists(onnx))
        {
            throw new InputException(Directory.Exists(onnx) ? $"--onnx must be a file, but {Onnx} is a folder" : $"ONNX model not found: {Onnx}");
        }

        var probe = OnnxModelProbe.Read(onnx);
        if (Int8 && !probe.IsQuantized && CalibrationImages is null)
        {
            throw new InputException($"{Onnx} is not quantised (no QuantizeLinear/DequantizeLinear nodes): --int8 needs --calib-images DIR with representative images");
        }

        if (Int8 && probe.IsQuantized && CalibrationImages is not null)
        {
            throw new InputException($"{Onnx} is already quantised (QDQ): TensorRT takes its INT8 scales from the model, so --calib-images does not apply");
        }

        var profiles = InputProfilePlanner.Plan(probe.Info, Batch, Onnx);
        var calibration = CalibrationImages is null ? [] : CalibrationImageFolder.List(CalibrationImages);
        var precision = Int8 ? EnginePrecision.Int8 : Fp16 ? EnginePrecision.Fp16 : EnginePrecision.Fp32;
        var output = Path.GetFullPath(Output ?? DefaultOutput(onnx, precision, Batch, DlaCore));
        CheckOutput(output, onnx);
        var timingCache = TimingCache is null ? null : Path.GetFullPath(TimingCache);
        if (timingCache is not null)
        {
            CheckWritableFile(timingCache, "--timing-cache");
        }

        var flags = new EngineBuildFlags
        {
            Precision = precision,
            Batch = Batch,
            WorkspaceMiB = WorkspaceMiB,
            DlaCore = DlaCore,
            CalibrationImages = CalibrationImages is null ? null : Path.GetFullPath(CalibrationImages),
            TimingCache = timingCache,
        };
        return new EngineBuildPlan(onnx, output, flags, probe, profiles, calibration);
    }

    /// <summary>Beside the ONNX: &lt;stem&gt;.&lt;precision&gt;[.b&lt;batch&gt;][.dla&lt;core&gt;].engine.</summary>
    public static string DefaultOutput(string onnx, EnginePrecision precision, int batch, int? dla)
    {
        var name = Path.GetFileNameWithoutExtension(onnx) + "." + EngineBuildFlags.Spell(precision)
            + (batch > 1 ? $".b{batch}" : "") + (dla is { } d ? $".dla{d}" : "") + ".engine";
        return Path.Combine(Path.GetDirectoryName(onnx) ?? ".", name);
    }

    private static void CheckOutput(string output, string onnx)
    {
        if (string.Equals(output, onnx, StringComparison.Ordinal))
        {
            throw new InputException($"--out {output} would overwrite the ONNX model");
        }

        CheckWritableFile(output, "--out");
    }

    private static void CheckWritableFile(string path, string option)
    {
        if (Directory.Exists(path))
        {
            throw new InputException($"{option} must be a file path, but {path} is a folder");
        }

        var folder = Path.GetDirectoryName(path);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new InputException($"{option}: folder not found: {folder}");
        }
    }
}
