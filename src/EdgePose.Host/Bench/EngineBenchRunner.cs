using System.Globalization;
using EdgePose.Cli;
using EdgePose.Core.Benchmarking;
using EdgePose.Core.Engines;
using EdgePose.Core.Errors;
using EdgePose.Host.Engines;

namespace EdgePose.Host.Bench;

/// <summary>
/// `edgepose bench engine`: checks every input first (model loads, baseline readable and comparable), then
/// measures each batch size with <see cref="EngineBenchmark"/>, writes bench.json, bench.md and the plots, prints
/// the table, and compares with the baseline. Exit codes: 0, 2 for bad input, 3 when the baseline comparison finds a regression.
/// </summary>
public static class EngineBenchRunner
{
    public static int Run(EngineBenchRequest request, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var baseline = request.Baseline is null ? null : BenchReportJson.Read(request.Baseline);
        var s = request.Settings;
        if (s.Batches.Count == 0 || s.Batches.Any(b => b < 1))
        {
            throw new InputException($"--batch {string.Join(",", s.Batches)}: every batch size must be at least 1");
        }

        // One engine for every batch size, opened before anything is measured: a model that cannot load, or that
        // cannot run a requested batch size, fails here.
        using var engine = EngineFactory.Open(request.Model, request.Engine with { Batch = s.Batches.Max() });
        foreach (int batch in s.Batches)
        {
            if (batch > engine.MaxBatch || (!engine.HasDynamicBatch && batch != engine.MaxBatch))
            {
                throw new InputException(engine.HasDynamicBatch
                    ? $"--batches {string.Join(",", s.Batches)}: the engine runs at most {engine.MaxBatch} image(s) at a time"
                    : $"--batches {string.Join(",", s.Batches)}: the model has a fixed batch of {engine.MaxBatch}; export it with a dynamic batch to measure other sizes");
            }
        }

        var input = engine.Inputs[0].Shape;
        if (request.Engine.ImageSize is { } size && (input[2] != size || input[3] != size))
        {
            stderr.WriteLine(Invariant($"note: the model's input is fixed at {input[3]}x{input[2]}; --imgsz {size} does not apply"));
        }

        var results = new List<EngineBenchResult>();
        foreach (int batch in s.Batches)
        {
            using var bare = s.CompareBare ? Bare(request, engine, batch) : null;
            stderr.WriteLine(Invariant($"batch {batch}: {s.Warmup} warm-up runs, then {(s.Duration is { } d ? $"{d.TotalSeconds:0.#} s" : $"{s.Iterations} runs")}{(bare is null ? "" : ", alternating with bare ONNX Runtime")}"));
            var progress = new ProgressLine(stderr, batch);
            results.Add(EngineBenchmark.Run(engine, batch, s, bare, progress.Report, ct));
            progress.Done(results[^1]);
        }

        string runtime = engine.Description;
        var report = new BenchReport("engine", DateTimeOffset.UtcNow, MachineProbe.Describe(), Path.GetFullPath(request.Model), runtime, BenchReportOutput.Version())
        {
            Config = Config(request, input),
            Results = results,
        };
        BenchReportOutput.Write(report, request.OutputFolder, request.Model, stdout);
        return baseline is null ? ExitCodes.Ok : BenchReportOutput.Compare(report, baseline, request.Baseline!, request.ThresholdPercent, stdout, stderr);
    }

    private static BareOnnxRuntimeLoop? Bare(EngineBenchRequest request, IInferenceEngine engine, int batch)
    {
        if (!request.Model.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) || request.Engine.Provider != "cpu")
        {
            throw new InputException("--compare-bare times ONNX Runtime's own API on the CPU: it needs an .onnx model and --provider cpu");
        }

        var input = engine.Inputs[0].Shape.Dims.ToArray();
        input[0] = batch;
        var outputs = engine.Outputs.All(o => o.Shape.IsFixed)
            ? engine.Outputs.Select(o => o.Shape.Dims.Select((d, i) => i == 0 ? batch : d).ToArray()).ToList()
            : null;
        return new BareOnnxRuntimeLoop(request.Model, request.Engine.Threads, input, outputs);
    }

    private static Dictionary<string, string> Config(EngineBenchRequest r, TensorShape input)
    {
        var s = r.Settings;
        var c = new Dictionary<string, string>
        {
            ["input"] = input.ToString(),
            ["batches"] = string.Join(",", s.Batches),
            ["warmup"] = Invariant($"{s.Warmup}"),
            [s.Duration is null ? "iterations" : "duration_s"] = s.Duration is { } d ? Invariant($"{d.TotalSeconds:0.###}") : Invariant($"{s.Iterations}"),
            ["provider"] = r.Engine.Provider,
            ["threads"] = Invariant($"{r.Engine.Threads}"),
        };
        if (s.AddedDelay > TimeSpan.Zero)
        {
            c["added_delay_ms"] = Invariant($"{s.AddedDelay.TotalMilliseconds:0.###}");
        }

        return c;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Progress on stderr: one line rewritten in place on a terminal, a line per quarter otherwise.</summary>
    private sealed class ProgressLine(TextWriter stderr, int batch)
    {
        private readonly bool _terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        private int _lastQuarter;

        public void Report(int done, int total)
        {
            if (_terminal)
            {
                stderr.Write(total > 0 ? Invariant($"\r  batch {batch}: {done}/{total} runs") : Invariant($"\r  batch {batch}: {done} runs"));
                return;
            }

            int quarter = total > 0 ? done * 4 / total : 0;
            if (quarter > _lastQuarter && quarter < 4)
            {
                _lastQuarter = quarter;
                stderr.WriteLine(Invariant($"  batch {batch}: {done}/{total} runs"));
            }
        }

        public void Done(EngineBenchResult r)
        {
            if (_terminal)
            {
                stderr.WriteLine();
            }

            stderr.WriteLine(Invariant($"  batch {batch}: p50 {r.Latency.P50:0.00} ms, p99 {r.Latency.P99:0.00} ms, {r.ImagesPerSecond:0.0} images/s"));
        }
    }
}
