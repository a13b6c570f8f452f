using System.CommandLine;
using System.Globalization;
using EdgePose.Core.Errors;
using EdgePose.Host.Bench;

namespace EdgePose.Host.Commands;

/// <summary>`edgepose bench`: latency benchmarks whose numbers can be compared across devices, models and versions.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var cmd = new Command("bench", "Benchmark latency: an engine alone (bench engine), like trtexec");
        cmd.Subcommands.Add(Engine());
        return cmd;
    }

    private static Command Engine()
    {
        var model = new Option<string>("--model", "-m") { Description = "Model file (.onnx, .engine, .plan)", Required = true };
        var inference = new InferenceCommandOptions(0.25f, 0.7, 300);
        var batches = new Option<string>("--batches") { Description = "Batch sizes to measure, comma-separated (e.g. 1,2,4); above 1 needs a dynamic batch or an engine built for it", DefaultValueFactory = _ => "1" };
        var warmup = new Option<int>("--warmup") { Description = "Runs before measuring, per batch size", DefaultValueFactory = _ => 10 };
        var iterations = new Option<int>("--iterations", "-n") { Description = "Measured runs per batch size", DefaultValueFactory = _ => 100 };
        var duration = new Option<double?>("--duration") { Description = "Measure for this many seconds per batch size instead of --iterations" };
        var bare = new Option<bool>("--compare-bare") { Description = "Also time ONNX Runtime's own API called bare on the same model, alternating with ours (an independent check)" };
        var output = new Option<string>("--out", "-o") { Description = "Output folder for bench.json, bench.md and the plots; one that holds files gets a numbered sibling", DefaultValueFactory = _ => "runs/bench" };
        var baseline = new Option<string?>("--baseline") { Description = "An earlier bench.json: exit 3 when a p50 latency or a throughput is worse by more than --threshold" };
        var threshold = new Option<double>("--threshold") { Description = "Regression threshold for --baseline, in percent", DefaultValueFactory = _ => 10 };
        var delay = new Option<double>("--added-delay-ms") { Description = "Adds this delay to every measured run: a planted slowdown, to see --baseline catch it", DefaultValueFactory = _ => 0, Hidden = true };

        var cmd = new Command("engine", "Time an engine alone: warm-up, then runs per batch size; min, mean, p50, p90, p99, max and images/s")
        {
            model, batches, warmup, iterations, duration, bare, output, baseline, threshold, delay, inference.ImageSize, inference.Threads, inference.Provider,
        };
        cmd.SetAction((parse, ct) =>
        {
            int w = parse.GetValue(warmup), n = parse.GetValue(iterations);
            double t = parse.GetValue(threshold);
            var settings = new EngineBenchSettings
            {
                Batches = ParseBatches(parse.GetRequiredValue(batches)),
                Warmup = w >= 0 ? w : throw new InputException($"--warmup {w} must be 0 or more"),
                Iterations = n >= 1 ? n : throw new InputException($"--iterations {n} must be at least 1"),
                Duration = parse.GetValue(duration) is { } d ? (d > 0 ? TimeSpan.FromSeconds(d) : throw new InputException($"--duration {d} must be more than 0 seconds")) : null,
                CompareBare = parse.GetValue(bare),
                AddedDelay = TimeSpan.FromMilliseconds(Math.Max(0, parse.GetValue(delay))),
            };
            var request = new EngineBenchRequest(parse.GetRequiredValue(model), inference.Engine(parse), settings, parse.GetRequiredValue(output))
            {
                Baseline = parse.GetValue(baseline),
                ThresholdPercent = t >= 0 ? t : throw new InputException($"--threshold {t} must be 0 or more"),
            };
            return Task.FromResult(EngineBenchRunner.Run(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        });
        return cmd;
    }

    private static int[] ParseBatches(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var batches = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out batches[i]) || batches[i] < 1)
            {
                throw new InputException($"--batches '{text}': '{parts[i]}' is not a batch size of at least 1");
            }
        }

        return batches.Length > 0 ? batches : throw new InputException("--batches is empty: give at least one batch size, e.g. 1");
    }
}
