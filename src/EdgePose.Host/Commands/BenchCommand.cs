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
        var cmd = new Command("bench", "Benchmark latency: an engine alone (bench engine), like trtexec, or the whole pipeline (bench pipeline)");
        cmd.Subcommands.Add(Engine());
        cmd.Subcommands.Add(Pipeline());
        cmd.Subcommands.Add(E2e());
        return cmd;
    }

    private static Command E2e()
    {
        var source = new Option<string>("--source", "-s") { Description = "An RTSP pixel-clock stream, e.g. rtsp://127.0.0.1:8554/clock (scripts/rtsp-test-server.py)", Required = true };
        var broker = new Option<string>("--broker") { Description = "The MQTT broker events go through, e.g. mqtt://127.0.0.1:1883", Required = true };
        var model = new Option<string?>("--model", "-m") { Description = "Model file; default: EDGEPOSE_MODEL or the shared yolo11n-pose" };
        var threads = new Option<int>("--threads") { Description = "CPU threads for ONNX Runtime (0: its default)", DefaultValueFactory = _ => 0 };
        var duration = new Option<double>("--duration") { Description = "Seconds to measure", DefaultValueFactory = _ => 60 };
        var output = new Option<string>("--out", "-o") { Description = "Output folder for bench.json, bench.md and the plots", DefaultValueFactory = _ => "runs/bench" };
        var baseline = new Option<string?>("--baseline") { Description = "An earlier bench.json of bench e2e: exit 3 when glass-to-event p50 is worse by more than --threshold" };
        var threshold = new Option<double>("--threshold") { Description = "Regression threshold for --baseline, in percent", DefaultValueFactory = _ => 10 };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Debug logging" };
        var cmd = new Command("e2e", "Glass-to-event latency: a pixel-clock RTSP stream through the pipeline and MQTT to a subscriber, per event and per minute")
        {
            source, broker, model, threads, duration, output, baseline, threshold, verbose,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            double seconds = parse.GetValue(duration) is var d and > 0 ? d : throw new InputException($"--duration {parse.GetValue(duration)} must be more than 0 seconds");
            var request = new E2eBenchRunner.Request(parse.GetRequiredValue(source), parse.GetRequiredValue(broker), parse.GetValue(model) ?? Run.DefaultPaths.Model(), parse.GetRequiredValue(output), seconds)
            {
                Threads = parse.GetValue(threads),
                Baseline = parse.GetValue(baseline),
                ThresholdPercent = parse.GetValue(threshold) >= 0 ? parse.GetValue(threshold) : throw new InputException($"--threshold {parse.GetValue(threshold)} must be 0 or more"),
            };
            var console = new Run.RunConsole(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            return await E2eBenchRunner.RunAsync(request, console, parse.GetValue(verbose), ct).ConfigureAwait(false);
        });
        return cmd;
    }

    private static Command Pipeline()
    {
        var config = new Option<string?>("--config", "-c") { Description = "JSON settings file, as for edgepose run" };
        var source = new Option<string[]>("--source", "-s") { Description = "A source as for edgepose run (repeat for several); default: the sample video" };
        var model = new Option<string?>("--model", "-m") { Description = "Model file (.onnx or .engine); default: EDGEPOSE_MODEL or the shared yolo11n-pose" };
        var provider = new Option<string?>("--provider") { Description = "ONNX Runtime execution provider: cpu, cuda or tensorrt" };
        var threads = new Option<int?>("--threads") { Description = "CPU threads for ONNX Runtime" };
        var batch = new Option<int?>("--batch") { Description = "Frames per engine run (models with a dynamic batch)" };
        var duration = new Option<double>("--duration") { Description = "Seconds to measure", DefaultValueFactory = _ => 30 };
        var maxFrames = new Option<long?>("--max-frames") { Description = "Stop each source after this many frames" };
        var realtime = new Option<bool>("--realtime") { Description = "Read video files at their frame rate, as a camera" };
        var output = new Option<string>("--out", "-o") { Description = "Output folder for bench.json, bench.md and the plots", DefaultValueFactory = _ => "runs/bench" };
        var baseline = new Option<string?>("--baseline") { Description = "An earlier bench.json of bench pipeline: exit 3 when capture-to-result p50 or fps is worse by more than --threshold" };
        var threshold = new Option<double>("--threshold") { Description = "Regression threshold for --baseline, in percent", DefaultValueFactory = _ => 10 };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Debug logging" };
        var cmd = new Command("pipeline", "Run sources through the whole pipeline for a while: latency per stage, drops, engine busy, CPU, memory (and GPU load and power on Jetson)")
        {
            config, source, model, provider, threads, batch, duration, maxFrames, realtime, output, baseline, threshold, verbose,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var ic = CultureInfo.InvariantCulture;
            double seconds = parse.GetValue(duration) is var d and > 0 ? d : throw new InputException($"--duration {parse.GetValue(duration)} must be more than 0 seconds");
            double t = parse.GetValue(threshold) >= 0 ? parse.GetValue(threshold) : throw new InputException($"--threshold {parse.GetValue(threshold)} must be 0 or more");
            var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                ["DurationSeconds"] = seconds.ToString(ic),
            };
            var sources = parse.GetValue(source) ?? [];
            for (int i = 0; i < sources.Length; i++)
            {
                var (id, uri) = RunCommand.SplitId(sources[i]);
                overrides[$"Sources:{i}:Uri"] = uri;
                overrides[$"Sources:{i}:Id"] = id;
                if (parse.GetValue(realtime))
                {
                    overrides[$"Sources:{i}:Realtime"] = "true";
                }
            }

            overrides["Model:Path"] = parse.GetValue(model);
            overrides["Model:Provider"] = parse.GetValue(provider);
            overrides["Model:Threads"] = parse.GetValue(threads)?.ToString(ic);
            overrides["Model:Batch"] = parse.GetValue(batch)?.ToString(ic);
            overrides["Pipeline:MaxFrames"] = parse.GetValue(maxFrames)?.ToString(ic);
            var configuration = Run.RunConfiguration.Build(parse.GetValue(config), overrides);
            var settings = Run.RunConfiguration.Bind(configuration);
            string modelPath = string.IsNullOrWhiteSpace(settings.Model.Path) ? Run.DefaultPaths.Model() : settings.Model.Path;
            if (settings.Sources.Count == 0)
            {
                overrides["Sources:0:Uri"] = Run.DefaultPaths.Video();
                overrides["Sources:0:Id"] = "vtest";
                configuration = Run.RunConfiguration.Build(parse.GetValue(config), overrides);
            }

            var console = new Run.RunConsole(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            return await PipelineBenchRunner.RunAsync(configuration, modelPath, parse.GetRequiredValue(output), parse.GetValue(baseline), t, console, parse.GetValue(verbose), ct).ConfigureAwait(false);
        });
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
