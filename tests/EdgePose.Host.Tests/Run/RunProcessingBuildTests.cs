using EdgePose.Core.Decoding;
using EdgePose.Core.Engines;
using EdgePose.Core.Frames;
using EdgePose.Core.Inference;
using EdgePose.Core.Pipeline;
using EdgePose.Core.Poses;
using EdgePose.Core.Preprocessing;
using EdgePose.Core.Processing;
using EdgePose.Core.Sources;
using EdgePose.Host.Run;
using EdgePose.Host.Run.Settings;
using EdgePose.Host.Tests.Sinks.Mqtt;
using EdgePose.Native.Cuda;
using EdgePose.Native.OnnxRuntime;
using EdgePose.Native.Pipeline;
using EdgePose.Tests;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgePose.Host.Tests.Run;

/// <summary>
/// <see cref="RunProcessing"/> with a stand-in GPU processor that fails the ways a GPU does (at start, or out of
/// memory while the pipeline makes its buffer sets): the fallback, the log line, the error, the GPU processor released.
/// </summary>
public sealed class RunProcessingBuildTests : IDisposable
{
    private const string Model = "models/yolo11n-pose_int8_floathead.onnx";
    private readonly RecordingLogger _log = new();
    private OnnxRuntimeEngine? _engine;

    public void Dispose() => _engine?.Dispose();

    [RequiresSharedFact(Model)]
    public void Out_of_memory_while_the_pipeline_allocates_falls_back_to_the_cpu_with_a_warning()
    {
        var gpu = new StandInGpu(failBufferSets: true);

        var (pipeline, processor) = Build("gpu", "cpu", (_, _, _) => gpu);
        using (pipeline)
        {
            Assert.IsType<CpuFrameProcessor>(processor);
        }

        Assert.True(gpu.Disposed);
        var warning = Assert.Single(_log.Lines);
        Assert.StartsWith("Warning: Processing:Mode is gpu but out of GPU memory for the processing buffers (cuMemAlloc(4915200 bytes) failed: CUDA_ERROR_OUT_OF_MEMORY", warning, StringComparison.Ordinal);
    }

    [RequiresSharedFact(Model)]
    public void Out_of_memory_without_a_fallback_is_one_error_line_naming_the_cause()
    {
        var gpu = new StandInGpu(failBufferSets: true);

        var e = Assert.Throws<InvalidOperationException>(() => Build("gpu", "none", (_, _, _) => gpu));

        Assert.True(gpu.Disposed);
        Assert.StartsWith("Processing:Mode is gpu but out of GPU memory for the processing buffers", e.Message, StringComparison.Ordinal);
        Assert.Contains("CUDA_ERROR_OUT_OF_MEMORY", e.Message, StringComparison.Ordinal);
    }

    [RequiresSharedFact(Model)]
    public void Refused_ptx_under_auto_runs_on_the_cpu_with_one_info_line_carrying_the_driver_log()
    {
        var (pipeline, processor) = Build("auto", "none", (_, _, _) => throw new CudaException("the CUDA driver refused PTX module nms.sm_87.ptx: CUDA_ERROR_UNSUPPORTED_PTX_VERSION (the provided PTX was compiled with an unsupported toolchain.); driver log: ptxas fatal") { Result = CudaResult.UnsupportedPtxVersion });
        using (pipeline)
        {
            Assert.IsType<CpuFrameProcessor>(processor);
        }

        var info = Assert.Single(_log.Lines);
        Assert.StartsWith("Information: pre- and post-processing on the CPU: GPU processing unavailable, the CUDA driver refused the kernels' PTX (", info, StringComparison.Ordinal);
        Assert.Contains("CUDA_ERROR_UNSUPPORTED_PTX_VERSION", info, StringComparison.Ordinal);
        Assert.Contains("driver log: ptxas fatal", info, StringComparison.Ordinal);
    }

    [RequiresSharedFact(Model)]
    public void No_device_under_gpu_without_a_fallback_stops()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Build("gpu", "none", (_, _, _) => throw new CudaException("CUDA driver could not start: CUDA_ERROR_NO_DEVICE (no CUDA-capable device is detected)") { Result = CudaResult.NoDevice }));

        Assert.StartsWith("Processing:Mode is gpu but no CUDA device (CUDA driver could not start: CUDA_ERROR_NO_DEVICE", e.Message, StringComparison.Ordinal);
    }

    [RequiresSharedFact(Model)]
    public void A_gpu_that_starts_is_used_and_named_in_the_log()
    {
        var gpu = new StandInGpu(failBufferSets: false);

        var (pipeline, processor) = Build("auto", "cpu", (_, _, _) => gpu);
        using (pipeline)
        {
            Assert.Same(gpu, processor);
        }

        Assert.Equal(3, gpu.BufferSets);
        Assert.Equal(["Information: Pre- and post-processing: stand-in GPU"], _log.Lines);
    }

    [RequiresSharedFact(Model)]
    public void Cpu_mode_never_starts_the_gpu()
    {
        var (pipeline, processor) = Build("cpu", "none", (_, _, _) => throw new InvalidOperationException("the GPU must not be started"));
        using (pipeline)
        {
            Assert.IsType<CpuFrameProcessor>(processor);
        }

        Assert.Empty(_log.Lines);
    }

    private (PosePipeline Pipeline, IFrameProcessor Processor) Build(string mode, string fallback, Func<PoseModel, DecodeOptions, int, IFrameProcessor> startGpu)
    {
        _engine = new OnnxRuntimeEngine(TestPaths.FloatHeadModel);
        var model = new PoseModel(_engine, new PredictorOptions(), "model");
        var decode = new DecodeOptions();
        var sources = new List<PipelineSource> { new(0, "a", SourceUri.Parse("test://ball", NoPaths.Instance), new SourcePipelineOptions()) };
        return RunProcessing.Build(
            new ProcessingSettings { Mode = mode, Fallback = fallback },
            model,
            decode,
            new BilinearBgrResizer(),
            p => new PosePipeline(model, p, new GstFrameReaderFactory(), sources, [], new PipelineOptions { Decode = decode }, NullLogger.Instance),
            _log,
            startGpu);
    }

    private sealed class StandInGpu(bool failBufferSets) : IFrameProcessor
    {
        public int BufferSets { get; private set; }

        public bool Disposed { get; private set; }

        public string Description => "stand-in GPU";

        public EngineBufferSet CreateBufferSet(IInferenceEngine engine)
        {
            if (failBufferSets && BufferSets == 1)
            {
                throw new CudaException("cuMemAlloc(4915200 bytes) failed: CUDA_ERROR_OUT_OF_MEMORY (out of memory)") { Result = CudaResult.OutOfMemory };
            }

            BufferSets++;
            return engine.CreateBufferSet();
        }

        public Letterbox Preprocess(Frame frame, EngineBufferSet buffers, int slot) => throw new NotSupportedException();

        public void Decode(EngineBufferSet buffers, int slot, in Letterbox box, DecodeOptions options, PoseDetections detections) => throw new NotSupportedException();

        public void Dispose() => Disposed = true;
    }

    private sealed class NoPaths : IPathProbe
    {
        public static readonly NoPaths Instance = new();

        public PathKind Probe(string path) => PathKind.Missing;
    }
}
