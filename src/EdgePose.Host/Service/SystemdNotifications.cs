using EdgePose.Core.Health;
using EdgePose.Core.Pipeline;
using EdgePose.Host.Run;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace EdgePose.Host.Service;

/// <summary>
/// Tells systemd the truth about the pipeline service (sd_notify protocol, through Microsoft.Extensions.Hosting.Systemd's
/// notifier): READY=1 once the model is loaded and the pipeline runs, STATUS= with the status line every tick,
/// WATCHDOG=1 only while every stage makes progress (<see cref="StageProgress"/>), so that a stuck stage stops the
/// pings and systemd restarts the service, and STOPPING=1 as soon as the stop begins. A tick is half the watchdog
/// timeout (5 s without a watchdog): the last ping comes at most half a timeout after a stage got stuck.
/// Registered only when NOTIFY_SOCKET is set.
/// </summary>
public sealed partial class SystemdNotifications : IPipelineRunObserver, IDisposable
{
    private static readonly TimeSpan s_statusOnly = TimeSpan.FromSeconds(5);
    private readonly ISystemdNotifier _notifier;
    private readonly ILogger _log;
    private readonly TimeSpan? _watchdog;
    private readonly Lock _lock = new();
    private Func<ProgressSnapshot>? _progress;
    private Func<string>? _status;
    private ProgressSnapshot? _last;
    private Timer? _timer;
    private string? _stuck;
    private bool _stopping;

    private readonly BrokerStatus? _broker;

    public SystemdNotifications(ISystemdNotifier notifier, IHostApplicationLifetime lifetime, ILogger<SystemdNotifications> log, TimeSpan? watchdog, BrokerStatus? broker = null)
    {
        _broker = broker;
        _notifier = notifier;
        _log = log;
        _watchdog = watchdog;
        lifetime.ApplicationStopping.Register(Stopping);
    }

    /// <summary>Time between checks: half the watchdog timeout.</summary>
    public TimeSpan Tick => _watchdog is { } w ? w / 2 : s_statusOnly;

    /// <summary>Pings sent so far (for the log and tests).</summary>
    public int Pings { get; private set; }

    public void Started(PipelineStats stats)
    {
        long lastFrames = 0;
        Start(() => ProgressSnapshot.Of(stats), () =>
        {
            var line = StatusLine.Format(stats, lastFrames, Tick, _broker);
            lastFrames = stats.FramesInferred;
            return line;
        });
    }

    /// <summary>READY=1 and the first ping, then a <see cref="Check"/> every <see cref="Tick"/> on <paramref name="progress"/> and <paramref name="status"/>.</summary>
    internal void Start(Func<ProgressSnapshot> progress, Func<string> status)
    {
        lock (_lock)
        {
            _progress = progress;
            _status = status;
            _last = progress();
            _notifier.Notify(new ServiceState("READY=1\nSTATUS=" + status()));
            if (_watchdog is not null)
            {
                _notifier.Notify(new ServiceState("WATCHDOG=1"));
                Pings++;
            }

            _timer?.Dispose();
            _timer = new Timer(_ => Check(), null, Tick, Tick);
        }
    }

    public void Finished(PipelineStats stats, string model, string engine) => Stopping();

    /// <summary>The longest a model may take to load: building a TensorRT engine on a Nano takes minutes.</summary>
    public static readonly TimeSpan ModelLoadAllowance = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Before the model loads: EXTEND_TIMEOUT_USEC gives the start <see cref="ModelLoadAllowance"/> more (the unit's
    /// TimeoutStartSec can stay short for the usual case), and STATUS says what is happening.
    /// </summary>
    public void LoadingModel(string model)
    {
        lock (_lock)
        {
            _notifier.Notify(new ServiceState($"EXTEND_TIMEOUT_USEC={(long)ModelLoadAllowance.TotalMicroseconds}\nSTATUS=loading {model} (a TensorRT engine may be built first)"));
        }
    }

    /// <summary>One check: STATUS always; WATCHDOG=1 when every stage moved since the last check.</summary>
    public void Check()
    {
        lock (_lock)
        {
            if (_progress is null || _status is null || _last is null || _stopping)
            {
                return;
            }

            var now = _progress();
            var stuck = StageProgress.Stalled(_last, now);
            _last = now;
            _notifier.Notify(new ServiceState("STATUS=" + (stuck is null ? "" : "stuck: " + stuck + "; ") + _status()));
            if (stuck is null && _watchdog is not null)
            {
                _notifier.Notify(new ServiceState("WATCHDOG=1"));
                Pings++;
            }

            if (stuck != _stuck)
            {
                if (stuck is not null)
                {
                    LogStuck(_log, stuck);
                }
                else
                {
                    LogMoving(_log);
                }

                _stuck = stuck;
            }
        }
    }

    public void Dispose() => _timer?.Dispose();

    private void Stopping()
    {
        lock (_lock)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            _timer?.Dispose();
            _notifier.Notify(ServiceState.Stopping);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Watchdog: a stage is stuck ({Stage}); no more pings, systemd will restart the service")]
    private static partial void LogStuck(ILogger logger, string stage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watchdog: every stage moves again; pings resume")]
    private static partial void LogMoving(ILogger logger);
}
