using System.Runtime.InteropServices;
using EdgePose.Cli;
using EdgePose.Host.Run.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace EdgePose.Host.Run;

/// <summary>
/// SIGHUP (`systemctl reload edgepose`): reads the configuration again (the same file, environment and options) and,
/// when it is valid, asks the pipeline service to restart its run with it; an invalid one is refused with the
/// reason and the running configuration stays. Only `edgepose run` registers one.
/// </summary>
public sealed partial class RunReloader : IDisposable
{
    private readonly Func<IConfiguration> _read;
    private readonly ILogger _log;
    private readonly PosixSignalRegistration _signal;
    private readonly Lock _lock = new();
    private CancellationTokenSource? _currentRun;
    private RunSettings? _pending;

    public RunReloader(Func<IConfiguration> read, ILoggerFactory loggers)
    {
        _read = read;
        _log = loggers.CreateLogger("EdgePose.Reload");
        _signal = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            Reload();
        });
    }

    /// <summary>The run now in progress: a valid reload cancels it (after storing the new settings).</summary>
    public void Attach(CancellationTokenSource run)
    {
        lock (_lock)
        {
            _currentRun = run;
        }
    }

    /// <summary>The settings a reload asked for, once; null when none is waiting.</summary>
    public RunSettings? TakePending()
    {
        lock (_lock)
        {
            var p = _pending;
            _pending = null;
            return p;
        }
    }

    /// <summary>Reads and checks the configuration; valid: the current run stops and the next uses it.</summary>
    public void Reload()
    {
        RunSettings settings;
        try
        {
            settings = RunConfiguration.Bind(_read());
            var check = new RunSettingsValidator().Validate(null, settings);
            if (check.Failed)
            {
                LogRefused(_log, string.Join("; ", check.Failures));
                return;
            }
        }
        catch (Exception e) when (CommandErrors.IsBadInput(e))
        {
            LogRefused(_log, CommandErrors.MessageOf(e));
            return;
        }

        lock (_lock)
        {
            _pending = settings;
            LogReloading(_log);
            _currentRun?.Cancel();
        }
    }

    public void Dispose() => _signal.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "SIGHUP: configuration read again; restarting the pipeline with it")]
    private static partial void LogReloading(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "SIGHUP: configuration refused, the running one stays: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
