using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using EdgePose.Core.Engines;
using EdgePose.Native.OnnxRuntime;
using Microsoft.ML.OnnxRuntime;

namespace EdgePose.Benchmarks;

/// <summary>
/// One forward pass of the INT8 float-head YOLO11n-pose model, fixed input (every value 114/255, the letterbox
/// gray), per intra-op thread count, two ways on the same session options (sequential executor, optimisation all):
/// <list type="bullet">
/// <item>Engine: <see cref="OnnxRuntimeEngine.Enqueue"/> on a buffer set (IOBinding over pinned buffers).</item>
/// <item>BareSession: a plain <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue})"/>
/// with OrtValues made once, as a C# user of ONNX Runtime would write it.</item>
/// </list>
/// The acceptance target (issue 8) is the engine within 2% of the bare session.
/// Run: dotnet run -c Release --project bench/EdgePose.Benchmarks -- --filter '*OnnxRuntimeRun*'
/// The model is read from $EDGEPOSE_SHARED/models, else ../shared/models beside the checkout.
/// </summary>
[MedianColumn]
[Config(typeof(PercentileConfig))]
[WarmupCount(5)]
[IterationCount(30)]
[InvocationCount(1)] // one run per measurement: per-run median and p90
public class OnnxRuntimeRunBenchmark
{
    private OnnxRuntimeEngine _engine = null!;
    private EngineBufferSet _set = null!;
    private InferenceSession _session = null!;
    private RunOptions _runOptions = null!;
    private OrtValue _input = null!;
    private OrtValue _output = null!;
    private string[] _inputNames = null!;
    private string[] _outputNames = null!;
    private OrtValue[] _inputs = null!;
    private OrtValue[] _outputs = null!;

    /// <summary>Intra-op threads; 0 = ONNX Runtime's default (one per physical core).</summary>
    [Params(1, 2)]
    public int IntraOpThreads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = new OnnxRuntimeEngine(
            BenchmarkPaths.FloatHeadModel,
            new OnnxRuntimeOptions { IntraOpThreads = IntraOpThreads, Optimization = Native.OnnxRuntime.GraphOptimizationLevel.All });
        _set = _engine.CreateBufferSet();
        _set.InputSlot(0).Fill(114f / 255f);

        // The same settings as the engine's session: threads, optimisation all, sequential, log level error.
        using var options = new SessionOptions
        {
            IntraOpNumThreads = IntraOpThreads,
            GraphOptimizationLevel = Microsoft.ML.OnnxRuntime.GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        _session = new InferenceSession(BenchmarkPaths.FloatHeadModel, options);
        _runOptions = new RunOptions();
        var input = new float[3 * 640 * 640];
        Array.Fill(input, 114f / 255f);
        _input = OrtValue.CreateTensorValueFromMemory(input, [1, 3, 640, 640]);
        _output = OrtValue.CreateTensorValueFromMemory(new float[56 * 8400], [1, 56, 8400]);
        (_inputNames, _outputNames, _inputs, _outputs) = (["images"], ["output0"], [_input], [_output]);
    }

    [Benchmark(Baseline = true)]
    public void BareSession() => _session.Run(_runOptions, _inputNames, _inputs, _outputNames, _outputs);

    [Benchmark]
    public void Engine() => _engine.Enqueue(_set, 1);

    [GlobalCleanup]
    public void Cleanup()
    {
        _set.Dispose();
        _engine.Dispose();
        _input.Dispose();
        _output.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }

    private sealed class PercentileConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.P90);
    }
}
