using System.Net;
using System.Text.Json;
using EdgePose.Core.Errors;
using EdgePose.Core.Meta;
using EdgePose.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgePose.Host.Preview;

/// <summary>
/// The live preview over HTTP (Kestrel), 127.0.0.1 by default:
/// <list type="bullet">
/// <item><c>/</c>: a page with every source streaming, its state, fps, persons and drops (refreshed from /status);</item>
/// <item><c>/stream/{id}</c>: the source as MJPEG (multipart/x-mixed-replace), poses drawn;</item>
/// <item><c>/snapshot/{id}.jpg</c>: the source's latest frame as one JPEG;</item>
/// <item><c>/status</c>: JSON with the pipeline's totals and every source's state and counters.</item>
/// </list>
/// An unknown source id answers 404. Frames are drawn and encoded by <see cref="Sink"/>, only for sources
/// someone watches. Usage:
/// <code>
/// await using var preview = await PreviewServer.StartAsync(options, sources, meta, classNames, loggerFactory, ct);
/// using var pipeline = new PosePipeline(..., sinks: [.., preview.Sink], ...);
/// preview.AttachStats(pipeline.Stats);
/// await pipeline.RunAsync(ct);
/// </code>
/// </summary>
public sealed partial class PreviewServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SourcePreview[] _previews;
    private readonly Dictionary<string, SourcePreview> _byId;
    private readonly PreviewOptions _options;
    private readonly SourceRates _rates;
    private readonly byte[] _indexPage;
    private readonly byte[] _waitingImage;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _log;
    private PipelineStats? _stats;
    private bool _disposed;

    private PreviewServer(WebApplication app, SourcePreview[] previews, PreviewOptions options, PreviewSink sink, ILogger log)
    {
        _app = app;
        _previews = previews;
        _options = options;
        _log = log;
        Sink = sink;
        _byId = previews.ToDictionary(p => p.Source.Id, StringComparer.Ordinal);
        _rates = new SourceRates(previews.Length);
        _indexPage = PreviewIndexPage.Render(previews, options.MaxFps);
        _waitingImage = WaitingImage.Encode(options.JpegQuality);
    }

    /// <summary>The sink to add to the pipeline's sinks: it draws and encodes the frames the page shows.</summary>
    public PreviewSink Sink { get; }

    /// <summary>Where the page is, e.g. http://127.0.0.1:8090/ (with the real port when the options asked for 0).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>
    /// Starts serving the preview of <paramref name="sources"/> (the pipeline's sources, in order), drawing poses
    /// with <paramref name="meta"/>'s skeleton and <paramref name="classNames"/>. Throws an <see cref="InputException"/>
    /// for bad options or a port in use.
    /// </summary>
    public static async Task<PreviewServer> StartAsync(
        PreviewOptions options,
        IReadOnlyList<PipelineSource> sources,
        KeypointMeta meta,
        IReadOnlyDictionary<int, string> classNames,
        ILoggerFactory? loggerFactory,
        CancellationToken cancellationToken)
    {
        options.Validated();
        var duplicate = sources.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InputException($"preview: two sources have the id '{duplicate.Key}'");
        }

        loggerFactory ??= NullLoggerFactory.Instance;
        var previews = sources.Select(s => new SourcePreview(s, TimeSpan.FromSeconds(1 / options.MaxFps))).ToArray();
        var sink = new PreviewSink(previews, options, meta, classNames);
        var address = PreviewOptions.ParseAddress(options.Address)!;

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "edgepose-preview" });
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(address, options.Port);
        });
        var app = builder.Build();
        var server = new PreviewServer(app, previews, options, sink, loggerFactory.CreateLogger("EdgePose.Preview"));
        server.MapRoutes();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            await sink.DisposeAsync().ConfigureAwait(false);
            string why = e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException
                ? "the port is in use (pick another port, or 0 for a free one)"
                : FirstLine(e.InnerException?.Message ?? e.Message);
            throw new InputException($"preview: cannot listen on {Endpoint(address, options.Port)}: {why}", e);
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? $"http://{Endpoint(address, options.Port)}";
        server.Url = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        LogListening(server._log, server.Url);
        return server;
    }

    /// <summary>Shows <paramref name="stats"/> (the running pipeline's) on the page and in /status; until then, counters read zero.</summary>
    public void AttachStats(PipelineStats stats) => Volatile.Write(ref _stats, stats);

    /// <summary>Ends every stream, stops listening and frees the sink's buffers (call after the pipeline has stopped).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stopping.CancelAsync().ConfigureAwait(false);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        await Sink.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static string Endpoint(IPAddress address, int port) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]:{port}" : $"{address}:{port}";

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private void MapRoutes()
    {
        _app.MapGet("/", ServeIndexAsync);
        _app.MapGet("/index.html", ServeIndexAsync);
        _app.MapGet("/status", ServeStatusAsync);
        _app.MapGet("/stream/{id}", context => Find(context) is { } p ? MjpegResponse.StreamAsync(context, p, _waitingImage, _stopping.Token) : NotFoundAsync(context));
        _app.MapGet("/snapshot/{id}.jpg", context => Find(context) is { } p ? ServeSnapshotAsync(context, p) : NotFoundAsync(context));
        _app.MapFallback(context => NotFoundAsync(context));
    }

    /// <summary>The source the route's id names (Kestrel leaves an escaped '/' as %2F: an id with one is unescaped).</summary>
    private SourcePreview? Find(HttpContext context) =>
        context.Request.RouteValues["id"] is not string id ? null
        : _byId.TryGetValue(id, out var p) ? p
        : _byId.GetValueOrDefault(Uri.UnescapeDataString(id));

    private Task ServeIndexAsync(HttpContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        return context.Response.Body.WriteAsync(_indexPage, context.RequestAborted).AsTask();
    }

    private async Task ServeStatusAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using (var json = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            PreviewStatusJson.Write(json, _previews, Volatile.Read(ref _stats), _rates);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// The latest JPEG: a recent one at once; otherwise the source counts as watched until a new one comes
    /// (up to the snapshot timeout), then the newest there is. 503 when the source has given no frame.
    /// </summary>
    private async Task ServeSnapshotAsync(HttpContext context, SourcePreview preview)
    {
        using (preview.StartWatching())
        {
            var fresh = TimeSpan.FromSeconds(Math.Max(1, 2 / _options.MaxFps));
            if (preview.Age > fresh)
            {
                using var done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
                try
                {
                    await preview.WaitNewerAsync(preview.Version, _options.SnapshotTimeout, done.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        byte[] jpeg = preview.LatestCopy();
        if (jpeg.Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"error: source '{preview.Source.Id}' has no frame yet (state: {StateOf(preview)})\n", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "image/jpeg";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentLength = jpeg.Length;
        await context.Response.Body.WriteAsync(jpeg, context.RequestAborted).ConfigureAwait(false);
    }

    private string StateOf(SourcePreview preview) =>
        Volatile.Read(ref _stats) is { } s ? s.Sources[preview.Source.Index].State.ToString().ToLowerInvariant() : "not started";

    private Task NotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/plain; charset=utf-8";
        string what = context.Request.RouteValues["id"] is string id
            ? $"error: no source '{Shown(id)}'; the sources are: {string.Join(", ", _previews.Select(p => p.Source.Id))}"
            : $"error: nothing at '{Shown(context.Request.Path.Value ?? "")}'; try / for the page, /status, /stream/{{id}} or /snapshot/{{id}}.jpg";
        return context.Response.WriteAsync(what + "\n", context.RequestAborted);
    }

    /// <summary>Text from the request on one short line.</summary>
    private static string Shown(string text)
    {
        var clean = new string([.. text.Take(80).Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length > 80 ? clean + "..." : clean;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Preview at {Url}")]
    private static partial void LogListening(ILogger logger, Uri url);
}
