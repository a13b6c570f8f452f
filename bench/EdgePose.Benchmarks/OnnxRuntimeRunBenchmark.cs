using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using EdgePose.Native.OnnxRuntime;

namespace EdgePose.Benchmarks;

/// <summary>
/// One forward pass of the ONNX Runtime engine (<see cref="OnnxRuntimeEngine.Run"/>) on the INT8 float-head
/// YOLO11n-pose model, fixed input (every value 114/255, the letterbox gray), per intra-op thread count.
/// Compare with scripts/bench-ort-node.js, which times session.run of the same libonnxruntime 1.20.1 with the
/// same model, input and threads: the acceptance target is this within 5% of that.
/// Run: dotnet run -c Release --project bench/EdgePose.Benchmarks -- --filter '*OnnxRuntimeRun*'
/// The model is read from $EDGEPOSE_SHARED/models, else ../shared/models beside the checkout.
/// </summary>
[MedianColumn]
[Config(typeof(PercentileConfig))]
[WarmupCount(5)]
[IterationCount(30)]
[InvocationCount(1)] // one run per measurement, as scripts/bench-ort-node.js measures: per-run median and p90
public class OnnxRuntimeRunBenchmark
{
    private OnnxRuntimeEngine _engine = null!;

    /// <summary>Intra-op threads; 0 = ONNX Runtime's default (one per physical core).</summary>
    [Params(1, 2)]
    public int IntraOpThreads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = new OnnxRuntimeEngine(
            BenchmarkPaths.FloatHeadModel,
            new OnnxRuntimeOptions { IntraOpThreads = IntraOpThreads, Optimization = GraphOptimizationLevel.All });
        _engine.GetInput().Fill(114f / 255f);
    }

    [Benchmark]
    public void Run() => _engine.Run();

    [GlobalCleanup]
    public void Cleanup() => _engine.Dispose();

    private sealed class PercentileConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.P90);
    }
}
