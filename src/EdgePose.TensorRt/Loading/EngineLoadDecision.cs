using EdgePose.Core.Errors;
using EdgePose.TensorRt.Building;
using EdgePose.TensorRt.Compatibility;
using EdgePose.TensorRt.Files;

namespace EdgePose.TensorRt.Loading;

/// <summary>
/// What to do with an engine file before TensorRT sees it: load it, or rebuild it from the ONNX first
/// (when the options allow), or fail with one line that ends with the rebuild command. Pure: the
/// caller supplies what it read and measured.
/// </summary>
public sealed record EngineLoadDecision(bool Rebuild, string? Reason, string? Warning, EngineBuildArguments? RebuildArguments)
{
    /// <param name="enginePath">The engine file asked for.</param>
    /// <param name="file">It, read; null when it does not exist.</param>
    /// <param name="unreadable">Why it could not be read (truncated, foreign, bad sidecar); null when it could.</param>
    /// <param name="verdict">Compatibility with this machine, when the file has a sidecar.</param>
    /// <param name="onnxSha256">sha256 of the ONNX the options or sidecar name, when that file exists.</param>
    /// <param name="options">The load options.</param>
    public static EngineLoadDecision Decide(
        string enginePath,
        EngineFile? file,
        string? unreadable,
        CompatibilityVerdict? verdict,
        string? onnxSha256,
        EngineLoadOptions options)
    {
        var flags = file?.BuildFlags;
        var onnx = options.OnnxPath ?? file?.Sidecar?.OnnxPath;
        var command = RebuildCommand.For(enginePath, flags, onnx);
        string? problem = null;
        if (unreadable is not null)
        {
            problem = $"{unreadable}; rebuild it with: {command}";
        }
        else if (file is null)
        {
            problem = $"engine file not found: {enginePath}; build it with: {command}";
        }
        else if (verdict is { IsCompatible: false })
        {
            problem = verdict.Problem;
        }

        if (problem is not null)
        {
            if (!options.RebuildAutomatically)
            {
                throw new InputException(problem);
            }

            if (onnx is null || onnxSha256 is null)
            {
                throw new InputException($"{problem} (automatic rebuild needs the ONNX model, and {(onnx is null ? "none is known" : onnx + " does not exist")})");
            }

            return new EngineLoadDecision(true, problem, null, Arguments(enginePath, onnx, flags));
        }

        var sidecar = file!.Sidecar;
        if (sidecar is not null && onnxSha256 is not null && !string.Equals(sidecar.OnnxSha256, onnxSha256, StringComparison.OrdinalIgnoreCase))
        {
            var stale = $"{enginePath} was built from another version of {onnx} (its sha256 changed since)";
            return options.RebuildAutomatically
                ? new EngineLoadDecision(true, stale, null, Arguments(enginePath, onnx!, flags))
                : new EngineLoadDecision(false, null, $"{stale}; rebuild it with: {command}", null);
        }

        return new EngineLoadDecision(false, null, verdict?.Warning, null);
    }

    /// <summary>The build-engine arguments that rebuild <paramref name="enginePath"/> in place from <paramref name="onnx"/> with <paramref name="flags"/> (FP16 when unknown).</summary>
    public static EngineBuildArguments Arguments(string enginePath, string onnx, EngineBuildFlags? flags)
    {
        flags ??= new EngineBuildFlags { Precision = EnginePrecision.Fp16 };
        return new EngineBuildArguments
        {
            Onnx = onnx,
            Fp16 = flags.Precision == EnginePrecision.Fp16,
            Int8 = flags.Precision == EnginePrecision.Int8,
            CalibrationImages = flags.CalibrationImages,
            Batch = flags.Batch,
            WorkspaceMiB = flags.WorkspaceMiB,
            TimingCache = flags.TimingCache,
            DlaCore = flags.DlaCore,
            Output = enginePath,
        };
    }
}
