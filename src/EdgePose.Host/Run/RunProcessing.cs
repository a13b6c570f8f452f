using EdgePose.Core.Decoding;
using EdgePose.Core.Inference;
using EdgePose.Core.Pipeline;
using EdgePose.Core.Processing;
using EdgePose.Host.Run.Settings;
using EdgePose.Native.Cuda;
using EdgePose.Native.Processing;
using Microsoft.Extensions.Logging;

namespace EdgePose.Host.Run;

/// <summary>
/// The processor of a run (section "Processing"): tries the GPU where the mode asks for it, sorts a CUDA failure
/// (at start-up, or while the pipeline allocates its GPU buffers) into its kind, and lets
/// <see cref="ProcessingChoice"/> decide: the GPU, the CPU with one info or warning line, or a one-line error.
/// </summary>
public static partial class RunProcessing
{
    /// <summary>
    /// The pipeline built by <paramref name="build"/> on the chosen processor, and that processor (the caller disposes
    /// both, the pipeline first). Throws <see cref="InvalidOperationException"/> with the decision's one-line error when
    /// Processing:Mode is gpu, Processing:Fallback is none and the GPU cannot be used.
    /// </summary>
    public static (PosePipeline Pipeline, IFrameProcessor Processor) Build(
        ProcessingSettings settings,
        PoseModel model,
        DecodeOptions decode,
        IBgrResizer resizer,
        Func<IFrameProcessor, PosePipeline> build,
        ILogger log,
        Func<PoseModel, DecodeOptions, int, IFrameProcessor>? startGpu = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(build);
        if (!ProcessingChoice.TryParseMode(settings.Mode, out var mode) || !ProcessingChoice.TryParseFallback(settings.Fallback, out var fallback))
        {
            throw new Core.Errors.InputException($"Processing:Mode '{settings.Mode}' or Processing:Fallback '{settings.Fallback}' is not a known value");
        }

        startGpu ??= (m, d, ordinal) => CudaFrameProcessor.Create(m, d, ordinal);
        GpuFailure? failure = null;
        if (ProcessingChoice.WantsGpu(mode))
        {
            IFrameProcessor? gpu = null;
            try
            {
                gpu = startGpu(model, decode, settings.Device);
                var pipeline = build(gpu);
                LogProcessing(log, gpu.Description);
                return (pipeline, gpu);
            }
            catch (CudaException e)
            {
                gpu?.Dispose();
                failure = CudaFailureClassifier.Classify(e);
            }
            catch (EntryPointNotFoundException e)
            {
                // A driver older than a call the processor makes.
                gpu?.Dispose();
                failure = new GpuFailure(GpuFailureKind.Other, $"CUDA driver too old: {e.Message}");
            }
            catch
            {
                gpu?.Dispose();
                throw;
            }
        }

        var decision = ProcessingChoice.Decide(mode, fallback, failure);
        if (decision.Fails)
        {
            throw new InvalidOperationException(decision.Error);
        }

        if (decision.Info is { } info)
        {
            LogInfo(log, info);
        }

        if (decision.Warning is { } warning)
        {
            LogWarning(log, warning);
        }

        var cpu = CpuFrameProcessor.For(model, resizer);
        return (build(cpu), cpu);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pre- and post-processing: {Processor}")]
    private static partial void LogProcessing(ILogger logger, string processor);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    private static partial void LogInfo(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Line}")]
    private static partial void LogWarning(ILogger logger, string line);
}
