using EdgePose.Core.Errors;
using EdgePose.Native.TensorRt;
using EdgePose.TensorRt.Building;
using EdgePose.TensorRt.Building.Calibration;
using EdgePose.TensorRt.Compatibility;
using EdgePose.TensorRt.Files;
using EdgePose.TensorRt.Runtime;

namespace EdgePose.TensorRt.Loading;

/// <summary>
/// Loads an engine file (our plan + sidecar, a bare plan, or an Ultralytics .engine) into a
/// <see cref="TensorRtEngine"/>: reads it, checks it against this machine's TensorRT and GPU, rebuilds
/// it from the ONNX where <see cref="EngineLoadOptions.RebuildAutomatically"/> allows, and otherwise
/// fails with one line ending in the exact rebuild command.
/// </summary>
public static class TensorRtEngineLoader
{
    /// <param name="path">The engine file.</param>
    /// <param name="options">Device, DLA and rebuild options.</param>
    /// <param name="warn">Receives one-line warnings (a stale or foreign-GPU engine, a rebuild starting).</param>
    /// <param name="preprocessor">Needed only to rebuild an INT8 engine calibrated from images.</param>
    /// <param name="progress">Progress of a rebuild.</param>
    public static TensorRtEngine Load(
        string path,
        EngineLoadOptions? options = null,
        Action<string>? warn = null,
        ICalibrationPreprocessor? preprocessor = null,
        IProgress<EngineBuildProgress>? progress = null)
    {
        options ??= new EngineLoadOptions();
        TensorRtLibrary.EnsureAvailable();
        var here = BuildEnvironment.Current(options.Device);

        var (file, unreadable) = TryRead(path);
        var onnx = options.OnnxPath ?? file?.Sidecar?.OnnxPath;
        var verdict = file?.Sidecar is { } sidecar ? EngineCompatibility.Check(path, sidecar, here) : null;
        var decision = EngineLoadDecision.Decide(path, file, unreadable, verdict, Sha256OrNull(onnx), options);
        var rebuilt = false;
        if (decision.Rebuild)
        {
            file = Rebuild(decision.Reason!, decision.RebuildArguments!, warn, preprocessor, progress);
            rebuilt = true;
        }
        else if (decision.Warning is { } w)
        {
            warn?.Invoke(w);
        }

        try
        {
            return Open(file!, options);
        }
        catch (TensorRtException e) when (e.Status == TrtStatus.DeserializeFailed)
        {
            var problem = $"{path}: {e.Message}";
            if (rebuilt || !options.RebuildAutomatically || onnx is null || !File.Exists(onnx))
            {
                throw new InputException($"{problem}; rebuild it here with: {RebuildCommand.For(path, file!.BuildFlags, onnx)}", e);
            }

            var arguments = EngineLoadDecision.Arguments(path, onnx, file!.BuildFlags);
            return Open(Rebuild(problem, arguments, warn, preprocessor, progress), options);
        }
    }

    private static TensorRtEngine Open(EngineFile file, EngineLoadOptions options)
    {
        var dla = options.DlaCore ?? file.BuildFlags?.DlaCore ?? -1;
        var engine = TrtDeserializedEngine.Deserialize(file.Plan, dla);
        try
        {
            return TensorRtEngine.Create(engine, file.Metadata, file.Path, options.Device);
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    private static EngineFile Rebuild(string reason, EngineBuildArguments arguments, Action<string>? warn, ICalibrationPreprocessor? preprocessor, IProgress<EngineBuildProgress>? progress)
    {
        warn?.Invoke($"rebuilding the engine from {arguments.Onnx} (this takes minutes): {reason}");
        var result = EngineBuilder.Build(arguments.Validate(), progress, preprocessor);
        return EngineFileReader.Read(result.PlanPath);
    }

    private static (EngineFile? File, string? Unreadable) TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return (null, null);
        }

        try
        {
            return (EngineFileReader.Read(path), null);
        }
        catch (Exception e) when (e is FormatException or InputException)
        {
            return (null, e.Message);
        }
    }

    private static string? Sha256OrNull(string? path) => path is not null && File.Exists(path) ? Sha256Hex.OfFile(path) : null;
}
