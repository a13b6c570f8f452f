using EdgePose.Cli;
using EdgePose.Core.Decoding;
using EdgePose.Core.Errors;
using EdgePose.Core.Inference;
using EdgePose.Core.Pipeline;
using EdgePose.Core.Preprocessing;
using EdgePose.Host.Engines;
using EdgePose.Host.Run.Settings;
using EdgePose.Native.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgePose.Host.Run;

/// <summary>
/// The hosted service of `edgepose run` (and, later, of the systemd unit): opens the model, builds the sources and
/// outputs, runs the <see cref="PosePipeline"/> with a status line until the sources end, the duration passes or
/// the host stops, then prints the summary and stops the host.
/// </summary>
public sealed partial class PipelineService : BackgroundService
{
    private RunSettings _settings;
    private readonly RunConsole _console;
    private readonly RunOutcome _outcome;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _log;
    private readonly IPipelineRunObserver[] _observers;
    private readonly RunReloader? _reloader;
    private readonly Service.SystemdNotifications? _systemd;
    private readonly BrokerStatus _broker;

    public PipelineService(IOptions<RunSettings> settings, RunConsole console, RunOutcome outcome, IHostApplicationLifetime lifetime, ILoggerFactory loggers, IEnumerable<IPipelineRunObserver> observers, BrokerStatus broker, RunReloader? reloader = null, Service.SystemdNotifications? systemd = null)
    {
        _broker = broker;
        _reloader = reloader;
        _systemd = systemd;
        _observers = [.. observers];
        _settings = settings.Value;
        _console = console;
        _outcome = outcome;
        _lifetime = lifetime;
        _loggers = loggers;
        _log = loggers.CreateLogger("EdgePose.Run");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                // A valid SIGHUP stops this run (RunReloader) and the loop starts the next with the new settings.
                using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                _reloader?.Attach(run);
                await RunAsync(run.Token).ConfigureAwait(false);
                if (stoppingToken.IsCancellationRequested || _reloader?.TakePending() is not { } next)
                {
                    break;
                }

                _settings = next;
            }
        }
        catch (Exception e) when (CommandErrors.IsBadInput(e))
        {
            _outcome.ExitCode = ExitCodes.BadInput;
            _outcome.Error = CommandErrors.MessageOf(e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _outcome.ExitCode = ExitCodes.Failure;
            _outcome.Error = CommandErrors.MessageOf(e);
        }
        finally
        {
            _lifetime.StopApplication();
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var (sources, rejected) = RunSources.Build(_settings.Sources, _log);
        if (sources.Count == 0)
        {
            throw new InputException(rejected.Count == 1 ? rejected[0] : $"no source can be used: {string.Join("; ", rejected)}");
        }

        var modelPath = string.IsNullOrWhiteSpace(_settings.Model.Path) ? DefaultPaths.Model() : _settings.Model.Path;
        var m = _settings.Model;
        _systemd?.LoadingModel(Path.GetFileName(modelPath));
        using var engine = EngineFactory.Open(modelPath, new EngineOptions
        {
            Provider = m.Provider,
            Threads = m.Threads,
            ImageSize = m.ImageSize,
            Batch = m.Batch,
            Warn = w => LogWarning(_log, w),
        });
        var decode = new DecodeOptions { Confidence = (float)m.Confidence, Iou = m.Iou, MaxDetections = m.MaxDetections };
        var model = new PoseModel(engine, new PredictorOptions { ImageSize = m.ImageSize, Decode = decode }, Path.GetFileName(modelPath));
        var p = _settings.Pipeline;
        var options = new PipelineOptions
        {
            OpenTimeout = TimeSpan.FromSeconds(p.OpenTimeoutSeconds),
            ReadTimeout = TimeSpan.FromSeconds(p.ReadTimeoutSeconds),
            Reconnect = new ReconnectOptions { InitialDelay = TimeSpan.FromSeconds(p.ReconnectInitialSeconds), MaxDelay = TimeSpan.FromSeconds(p.ReconnectMaxSeconds) },
            MaxBatch = m.Batch,
            BatchTimeout = TimeSpan.FromMilliseconds(p.BatchTimeoutMs),
            FreshFrameWait = TimeSpan.FromMilliseconds(p.FreshFrameWaitMs),
            SinkQueueCapacity = p.OutputQueue,
            MaxFramesPerSource = p.MaxFrames,
            Decode = decode,
            Tracker = !_settings.Tracking.Enabled ? null
                : _settings.Tracking.Config is { Length: > 0 } trackerFile ? Core.Tracking.TrackerOptionsYaml.Load(trackerFile) : new Core.Tracking.TrackerOptions(),
        };

        await using var outputs = await RunOutputs.OpenAsync(_settings, model, sources, _console, _loggers, stoppingToken).ConfigureAwait(false);
        // The managed twin of OpenCV's resize: a run that only captures and publishes never loads OpenCV.
        var resizer = new BilinearBgrResizer();
        var readers = new GstFrameReaderFactory { Warn = w => LogWarning(_log, w) };
        var pipelineLog = _loggers.CreateLogger("EdgePose.Pipeline");
        var (built, processor) = RunProcessing.Build(_settings.Processing, model, decode, resizer, p => new PosePipeline(model, p, readers, sources, outputs.Sinks, options, pipelineLog), _log);
        using var processing = processor; // disposed after the pipeline (using order)
        using var pipeline = built;
        outputs.Attach(pipeline.Stats);
        _broker.Sink = outputs.Mqtt;
        LogStarting(_log, model.Name, engine.Description, sources.Count, pipeline.MaxBatch);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        if (_settings.DurationSeconds is { } duration)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(duration));
        }

        await using var health = _settings.Health.Port is null ? null : new Service.HealthServer(_settings.Health, _loggers, _broker);
        if (health is not null)
        {
            await health.StartAsync(stoppingToken).ConfigureAwait(false);
            health.Started(pipeline.Stats);
        }

        foreach (var o in _observers)
        {
            o.Started(pipeline.Stats);
        }

        using var statusDone = new CancellationTokenSource();
        var status = StatusLoopAsync(pipeline.Stats, statusDone.Token);
        try
        {
            await pipeline.RunAsync(stop.Token).ConfigureAwait(false);
        }
        finally
        {
            await statusDone.CancelAsync().ConfigureAwait(false);
            await status.ConfigureAwait(false);
        }

        await _console.Out.WriteAsync(RunSummary.Format(pipeline.Stats, model.Name, engine.Description)).ConfigureAwait(false);
        await _console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        health?.Finished(pipeline.Stats, model.Name, engine.Description);
        foreach (var o in _observers)
        {
            o.Finished(pipeline.Stats, model.Name, engine.Description);
        }

        bool failed = rejected.Count > 0 || pipeline.Stats.Sources.Any(s => s.State == SourceState.Failed);
        if (failed && !stoppingToken.IsCancellationRequested)
        {
            _outcome.ExitCode = ExitCodes.BadInput;
            _outcome.Error = "some sources could not be read (see the errors above)";
        }
    }

    private async Task StatusLoopAsync(PipelineStats stats, CancellationToken done)
    {
        if (_settings.StatusIntervalSeconds <= 0)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(_settings.StatusIntervalSeconds);
        using var timer = new PeriodicTimer(interval);
        long previous = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(done).ConfigureAwait(false))
            {
                await _console.Error.WriteLineAsync(StatusLine.Format(stats, previous, interval, _broker)).ConfigureAwait(false);
                previous = stats.FramesInferred;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Running {Model} on {Engine}: {Sources} sources, batch {Batch}")]
    private static partial void LogStarting(ILogger logger, string model, string engine, int sources, int batch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);
}
