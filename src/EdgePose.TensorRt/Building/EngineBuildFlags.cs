namespace EdgePose.TensorRt.Building;

/// <summary>
/// How an engine was (or is to be) built, as far as the result depends on it: recorded in the sidecar
/// and replayed by the rebuild command.
/// </summary>
public sealed record EngineBuildFlags
{
    public EnginePrecision Precision { get; init; } = EnginePrecision.Fp32;

    /// <summary>Largest batch the engine takes (1 unless the ONNX has a dynamic batch).</summary>
    public int Batch { get; init; } = 1;

    /// <summary>Builder workspace limit; null for TensorRT's default.</summary>
    public int? WorkspaceMiB { get; init; }

    /// <summary>DLA core the engine runs on (Jetson Xavier/Orin); null for the GPU.</summary>
    public int? DlaCore { get; init; }

    /// <summary>Folder of calibration images for INT8 without QDQ; null otherwise.</summary>
    public string? CalibrationImages { get; init; }

    /// <summary>Timing cache file used by the build; null for none.</summary>
    public string? TimingCache { get; init; }

    /// <summary>"fp32", "fp16" or "int8", as the sidecar and the command line spell it.</summary>
    public static string Spell(EnginePrecision precision) => precision switch
    {
        EnginePrecision.Fp16 => "fp16",
        EnginePrecision.Int8 => "int8",
        _ => "fp32",
    };

    /// <summary>Reads "fp32", "fp16", "int8"; <see cref="FormatException"/> otherwise.</summary>
    public static EnginePrecision ParsePrecision(string text) => text switch
    {
        "fp32" => EnginePrecision.Fp32,
        "fp16" => EnginePrecision.Fp16,
        "int8" => EnginePrecision.Int8,
        _ => throw new FormatException($"'{text}' is not a precision (fp32, fp16 or int8)"),
    };
}
