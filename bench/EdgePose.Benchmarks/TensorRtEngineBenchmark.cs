using BenchmarkDotNet.Attributes;
using EdgePose.TensorRt.Loading;
using EdgePose.TensorRt.Runtime;

namespace EdgePose.Benchmarks;

/// <summary>
/// One <see cref="TensorRtEngine.Run"/> (input copy to the GPU, enqueue, output copy back, stream sync)
/// on the plan named by $EDGEPOSE_ENGINE: the number to set beside trtexec's "Latency" for
/// `trtexec --loadEngine` on the same plan (docs/jetson.md). Needs TensorRT and a GPU; without them, or
/// without the variable, setup fails with the reason.
/// </summary>
[MemoryDiagnoser]
public class TensorRtEngineBenchmark
{
    public const string EngineVariable = "EDGEPOSE_ENGINE";

    private TensorRtEngine? _engine;

    [GlobalSetup]
    public void Setup()
    {
        var path = Environment.GetEnvironmentVariable(EngineVariable);
        if (string.IsNullOrEmpty(path))
        {
            throw new InvalidOperationException($"set {EngineVariable} to the engine file to measure");
        }

        _engine = TensorRtEngineLoader.Load(path, warn: Console.Error.WriteLine);
        _engine.GetInput().Fill(114f / 255f);
    }

    [Benchmark]
    public void Run() => _engine!.Run();

    [GlobalCleanup]
    public void Cleanup() => _engine?.Dispose();
}
