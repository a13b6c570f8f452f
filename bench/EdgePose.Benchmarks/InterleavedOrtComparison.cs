using System.Diagnostics;
using System.Globalization;
using EdgePose.Core.Engines;
using EdgePose.Native.OnnxRuntime;
using Microsoft.ML.OnnxRuntime;

namespace EdgePose.Benchmarks;

/// <summary>
/// Our engine against a bare <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue})"/>
/// on the same session options, measured in alternation: each round runs one side then the other (the order
/// swapped every round), so both sides see the same background load. Reports each side's median and p90 and the
/// median of the per-round ratios engine / bare. BenchmarkDotNet's <see cref="OnnxRuntimeRunBenchmark"/> measures
/// the same two calls one after the other, which a busy machine skews.
/// Run: dotnet run -c Release --project bench/EdgePose.Benchmarks -- --interleaved [rounds=60]
/// </summary>
public static class InterleavedOrtComparison
{
    public static void Run(int rounds)
    {
        Console.WriteLine($"model {BenchmarkPaths.FloatHeadModel}; ONNX Runtime {OrtEnv.Instance().GetVersionString()}; {rounds} rounds after 5 warm-up runs each");
        Console.WriteLine("| intra-op threads | bare median ms | engine median ms | bare p90 | engine p90 | median per-round engine/bare |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var threads in new[] { 1, 2 })
        {
            Measure(threads, rounds);
        }
    }

    private static void Measure(int threads, int rounds)
    {
        using var engine = new OnnxRuntimeEngine(
            BenchmarkPaths.FloatHeadModel,
            new OnnxRuntimeOptions { IntraOpThreads = threads, Optimization = Native.OnnxRuntime.GraphOptimizationLevel.All });
        using var set = engine.CreateBufferSet();
        set.InputSlot(0).Fill(114f / 255f);

        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            GraphOptimizationLevel = Microsoft.ML.OnnxRuntime.GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        using var session = new InferenceSession(BenchmarkPaths.FloatHeadModel, options);
        using var runOptions = new RunOptions();
        var input = new float[3 * 640 * 640];
        Array.Fill(input, 114f / 255f);
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, [1, 3, 640, 640]);
        using var outputValue = OrtValue.CreateTensorValueFromMemory(new float[56 * 8400], [1, 56, 8400]);
        string[] inputNames = ["images"], outputNames = ["output0"];
        OrtValue[] inputs = [inputValue], outputs = [outputValue];

        void Bare() => session.Run(runOptions, inputNames, inputs, outputNames, outputs);
        void Engine() => engine.Enqueue(set, 1);

        for (int i = 0; i < 5; i++)
        {
            Bare();
            Engine();
        }

        var bare = new double[rounds];
        var ours = new double[rounds];
        for (int i = 0; i < rounds; i++)
        {
            if (i % 2 == 0)
            {
                bare[i] = Time(Bare);
                ours[i] = Time(Engine);
            }
            else
            {
                ours[i] = Time(Engine);
                bare[i] = Time(Bare);
            }
        }

        var ratios = ours.Zip(bare, (o, b) => o / b).ToArray();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {threads} | {Percentile(bare, 0.5):F1} | {Percentile(ours, 0.5):F1} | {Percentile(bare, 0.9):F1} | {Percentile(ours, 0.9):F1} | {Percentile(ratios, 0.5):F3} |"));
    }

    private static double Time(Action run)
    {
        long t0 = Stopwatch.GetTimestamp();
        run();
        return Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
    }

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Round(p * (sorted.Length - 1))];
    }
}
