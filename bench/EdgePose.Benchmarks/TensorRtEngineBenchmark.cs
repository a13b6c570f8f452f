using BenchmarkDotNet.Attributes;
using EdgePose.Core.Engines;
using EdgePose.TensorRt.Loading;
using EdgePose.TensorRt.Runtime;

namespace EdgePose.Benchmarks;

/// <summary>
/// One run of <see cref="TensorRtEngine"/> on a host buffer set (input copy to the GPU, enqueue, output copy
/// back, wait for the set's completion) on the plan named by $EDGEPOSE_ENGINE: the number to set beside trtexec's
/// "Latency" for `trtexec --loadEngine` on the same plan (docs/jetson.md). Needs TensorRT and a GPU; without them,
/// or without the variable, setup fails with the reason.
/// </summary>
[MemoryDiagnoser]
public class TensorRtEngineBenchmark
{
    public const string EngineVariable = "EDGEPOSE_ENGINE";

    private TensorRtEngine? _engine;
    private EngineBufferSet? _set;

    [GlobalSetup]
    public void Setup()
    {
        var path = Environment.GetEnvironmentVariable(EngineVariable);
        if (string.IsNullOrEmpty(path))
        {
            throw new InvalidOperationException($"set {EngineVariable} to the engine file to measure");
        }

        _engine = TensorRtEngineLoader.Load(path, warn: Console.Error.WriteLine);
        _set = _engine.CreateBufferSet();
        _set.InputSlot(0).Fill(114f / 255f);
    }

    [Benchmark]
    public bool Run() => _engine!.Enqueue(_set!, 1).Wait(TimeSpan.FromSeconds(10));

    [GlobalCleanup]
    public void Cleanup()
    {
        _set?.Dispose();
        _engine?.Dispose();
    }
}
