using BenchmarkDotNet.Attributes;
using EdgePose.Core.Engines;
using EdgePose.Native.OnnxRuntime;
using EdgePose.Tests;

namespace EdgePose.Benchmarks;

/// <summary>
/// Throughput on the CPU at batch 1 against batch 4: one run of a dynamic-batch copy of the INT8 float-head model
/// (made at setup, as the tests make it) on a buffer set holding 1 or 4 images. Images per second = batch / mean
/// time; BenchmarkDotNet's OperationsPerInvoke makes its "Op/s" column exactly that.
/// Run: dotnet run -c Release --project bench/EdgePose.Benchmarks -- --filter '*BatchThroughput*'
/// </summary>
[WarmupCount(3)]
[IterationCount(15)]
public class BatchThroughputBenchmark
{
    private string _dir = null!;
    private OnnxRuntimeEngine _engine = null!;
    private EngineBufferSet _set = null!;

    [Params(0, 2)]
    public int IntraOpThreads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"edgepose-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dir);
        var model = DynamicBatchOnnx.Save(BenchmarkPaths.FloatHeadModel, _dir);
        _engine = new OnnxRuntimeEngine(model, new OnnxRuntimeOptions { IntraOpThreads = IntraOpThreads, MaxBatch = 4 });
        _set = _engine.CreateBufferSet();
        for (var slot = 0; slot < 4; slot++)
        {
            _set.InputSlot(slot).Fill((114f + slot) / 255f);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 1)]
    public void Batch1() => _engine.Enqueue(_set, 1);

    [Benchmark(OperationsPerInvoke = 4)]
    public void Batch4() => _engine.Enqueue(_set, 4);

    [GlobalCleanup]
    public void Cleanup()
    {
        _set.Dispose();
        _engine.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
