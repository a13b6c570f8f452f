using System.Net;
using EdgePose.Core.Errors;
using EdgePose.Core.Health;
using EdgePose.Core.Pipeline;
using EdgePose.Host.Run;
using EdgePose.Host.Run.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace EdgePose.Host.Service;

/// <summary>
/// /healthz and /metrics on Kestrel (loopback by default). /healthz: 200 "ok" while every source is live or away no
/// longer than the grace (<see cref="SourceHealth"/>), else 503 with the reasons, one per line. /metrics: Prometheus
/// text of prometheus-net's default registry: the "EdgePose" meter (<see cref="PipelineMeters"/>) through its meter
/// adapter (which listens to every .NET meter; an adapter into a registry of our own exported no observable
/// instrument in prometheus-net 8.2.1), and its process and .NET runtime metrics. Started with the pipeline.
/// </summary>
public sealed partial class HealthServer : IPipelineRunObserver, IAsyncDisposable
{
    private readonly HealthSettings _settings;
    private readonly ILogger _log;
    private readonly Lock _lock = new();
    private WebApplication? _app;
    private PipelineStats? _stats;
    private PipelineMeters? _meters;
    private DateTimeOffset?[] _awaySince = [];
    private Timer? _timer;

    private readonly BrokerStatus? _broker;

    public HealthServer(HealthSettings settings, ILoggerFactory loggers, BrokerStatus? broker = null)
    {
        _broker = broker;
        _settings = settings;
        _log = loggers.CreateLogger("EdgePose.Health");
    }

    /// <summary>Where /healthz and /metrics are, e.g. http://127.0.0.1:9108/ (the real port when 0 was asked).</summary>
    public Uri? Url { get; private set; }

    public void Started(PipelineStats stats)
    {
        lock (_lock)
        {
            _stats = stats;
            _meters = new PipelineMeters(stats, _broker);
            _awaySince = new DateTimeOffset?[stats.Sources.Count];
            var now = DateTimeOffset.UtcNow;
            for (int i = 0; i < _awaySince.Length; i++)
            {
                _awaySince[i] = now;
            }

            _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
        }
    }

    public void Finished(PipelineStats stats, string model, string engine) => _timer?.Dispose();

    /// <summary>Starts listening; a bad address or a port in use is an <see cref="InputException"/> naming Health:Port.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        var address = IPAddress.TryParse(_settings.Bind, out var a) ? a : throw new InputException($"Health:Bind '{_settings.Bind}' is not an IP address");
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "edgepose-health" });
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(address, _settings.Port ?? 0);
        });
        var app = builder.Build();
        app.UseRouting();
        app.MapGet("/healthz", Healthz);
        app.MapGet("/metrics", MetricsAsync);
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new InputException($"Health:Port {_settings.Port}: cannot listen on {address}: {e.InnerException?.Message ?? e.Message}", e);
        }

        _app = app;
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? $"http://{address}:{_settings.Port}";
        Url = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        LogListening(_log, Url);
    }

    public async ValueTask DisposeAsync()
    {
        _timer?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _meters?.Dispose();
    }

    private IResult Healthz()
    {
        IReadOnlyList<string> problems;
        lock (_lock)
        {
            if (_stats is null)
            {
                return Results.Text("starting\n", "text/plain", statusCode: 503);
            }

            var states = _stats.Sources.Select(s => (s.Source.Id, s.State)).ToList();
            problems = SourceHealth.Problems(states, _awaySince, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(_settings.SourceGraceSeconds));
        }

        return problems.Count == 0
            ? Results.Text("ok\n", "text/plain")
            : Results.Text(string.Join('\n', problems) + "\n", "text/plain", statusCode: 503);
    }

    private async Task MetricsAsync(HttpContext context)
    {
        context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Notes when each source leaves the live state (and clears it when it is back).</summary>
    private void Sample()
    {
        lock (_lock)
        {
            if (_stats is null)
            {
                return;
            }

            var now = DateTimeOffset.UtcNow;
            for (int i = 0; i < _awaySince.Length; i++)
            {
                bool live = _stats.Sources[i].State is SourceState.Live or SourceState.Ended;
                _awaySince[i] = live ? null : _awaySince[i] ?? now;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Health and metrics on {Url}healthz and {Url}metrics")]
    private static partial void LogListening(ILogger logger, Uri url);
}
