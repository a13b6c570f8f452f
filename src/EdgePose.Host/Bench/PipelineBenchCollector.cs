using System.Diagnostics;
using EdgePose.Core.Benchmarking;
using EdgePose.Core.Pipeline;
using EdgePose.Host.Run;

namespace EdgePose.Host.Bench;

/// <summary>
/// `bench pipeline`'s observer of the run: samples the process's CPU and the Jetson's sensors once a second while
/// the pipeline runs, and at the end turns the pipeline's statistics into a <see cref="BenchReport"/>.
/// </summary>
internal sealed class PipelineBenchCollector(string modelPath, IReadOnlyDictionary<string, string> config) : IPipelineRunObserver, IDisposable
{
    private readonly JetsonSensors _sensors = new();
    private readonly List<double> _fps = [];
    private readonly List<double> _cpu = [];
    private readonly List<double> _gpu = [];
    private readonly List<double> _power = [];
    private readonly Lock _lock = new();
    private Timer? _timer;
    private TimeSpan _lastCpu;
    private long _lastTicks;
    private long _lastFrames;
    private TimeSpan _startCpu;
    private long _startTicks;

    public BenchReport? Report { get; private set; }

    public void Started(PipelineStats stats)
    {
        using var self = Process.GetCurrentProcess();
        _startCpu = _lastCpu = self.TotalProcessorTime;
        _startTicks = _lastTicks = Stopwatch.GetTimestamp();
        _timer = new Timer(_ => Sample(stats), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public void Finished(PipelineStats stats, string model, string engine)
    {
        _timer?.Dispose();
        using var self = Process.GetCurrentProcess();
        double wall = Stopwatch.GetElapsedTime(_startTicks).TotalSeconds;
        double seconds = stats.Elapsed.TotalSeconds;
        var latencies = Enum.GetValues<PipelineStage>().Skip(1).Select(s => stats.Stage(s).Summary())
            .Append(stats.EngineRun.Summary())
            .Append(stats.CaptureToResult.Summary())
            .Concat(stats.Sinks.Select(s => s.CaptureToWritten.Summary() with { Name = "capture-to-" + s.Name }))
            .ToList();
        lock (_lock)
        {
            var result = new PipelineBenchResult(seconds, stats.FramesInferred, seconds > 0 ? stats.FramesInferred / seconds : 0, stats.FramesDropped, stats.InferenceUtilisation, stats.MeanBatch)
            {
                Latencies = latencies,
                Sources = [.. stats.Sources.Select(s => new SourceBenchResult(s.Source.Id, s.Captured, s.Inferred, s.Dropped, s.Reconnects))],
                CpuPercent = wall > 0 ? (self.TotalProcessorTime - _startCpu).TotalSeconds / wall * 100 : 0,
                PeakMemoryMiB = self.PeakWorkingSet64 / (1024.0 * 1024),
                GpuLoadPercent = _gpu.Count > 0 ? _gpu.Average() : null,
                PowerWatts = _power.Count > 0 ? _power.Average() : null,
                FpsOverTime = [.. _fps],
                CpuOverTime = [.. _cpu],
            };
            Report = new BenchReport("pipeline", DateTimeOffset.UtcNow, MachineProbe.Describe(), Path.GetFullPath(modelPath), engine, BenchReportOutput.Version())
            {
                Config = config,
                Pipeline = result,
            };
        }
    }

    public void Dispose() => _timer?.Dispose();

    private void Sample(PipelineStats stats)
    {
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        long now = Stopwatch.GetTimestamp();
        long frames = stats.FramesInferred;
        double dt = Stopwatch.GetElapsedTime(_lastTicks, now).TotalSeconds;
        lock (_lock)
        {
            if (dt > 0)
            {
                _fps.Add((frames - _lastFrames) / dt);
                _cpu.Add((cpu - _lastCpu).TotalSeconds / dt * 100);
            }

            if (_sensors.GpuLoadPercent() is { } g)
            {
                _gpu.Add(g);
            }

            if (_sensors.PowerWatts() is { } w)
            {
                _power.Add(w);
            }
        }

        _lastCpu = cpu;
        _lastTicks = now;
        _lastFrames = frames;
    }
}
