using EdgePose.Core.Meta;
using EdgePose.Core.Pipeline;
using EdgePose.Host.Preview;
using OpenCvSharp;

namespace EdgePose.Host.Tests.Preview;

/// <summary>
/// A preview server on a free port with sources fed test frames in the background (each source its own image
/// size, one person each), as a pipeline would feed its sink; for the HTTP and browser tests.
/// </summary>
internal sealed class PreviewTestServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _feeding;

    private PreviewTestServer(PreviewServer server, PipelineSource[] sources, IReadOnlyList<(Mat Image, Core.Poses.PoseDetections Poses)> frames)
    {
        Server = server;
        Sources = sources;
        Stats = new PipelineStats(sources);
        server.AttachStats(Stats);
        Client = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(20) };
        _feeding = Task.Run(() => FeedAsync(frames, _stop.Token));
    }

    public PreviewServer Server { get; }

    public PipelineSource[] Sources { get; }

    public PipelineStats Stats { get; }

    public HttpClient Client { get; }

    /// <summary>Serves sources "door" (640x480) and "yard" (1280x720) by default, fed about 50 times a second each.</summary>
    public static Task<PreviewTestServer> StartAsync(PreviewOptions? options = null) =>
        StartAsync(options, [("door", PreviewFeeder.TestImage(640, 480)), ("yard", PreviewFeeder.TestImage(1280, 720))]);

    /// <summary>Serves <paramref name="sources"/>; one with an empty image gets no frames (a camera that is down).</summary>
    public static async Task<PreviewTestServer> StartAsync(PreviewOptions? options, IReadOnlyList<(string Id, Mat Image)> sources)
    {
        var list = PreviewFeeder.LiveSources([.. sources.Select(s => s.Id)]);
        var server = await PreviewServer.StartAsync(
            options ?? new PreviewOptions { Port = 0, MaxFps = 30 },
            list,
            KeypointMeta.Coco17,
            new Dictionary<int, string> { [0] = "person" },
            null,
            CancellationToken.None);
        return new PreviewTestServer(server, list, [.. sources.Select(s => (s.Image, PreviewFeeder.OnePerson(Math.Max(1, s.Image.Cols), Math.Max(1, s.Image.Rows))))]);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _feeding;
        Client.Dispose();
        await Server.DisposeAsync();
        _stop.Dispose();
    }

    private async Task FeedAsync(IReadOnlyList<(Mat Image, Core.Poses.PoseDetections Poses)> frames, CancellationToken stop)
    {
        var feeder = new PreviewFeeder();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                for (int i = 0; i < frames.Count; i++)
                {
                    if (frames[i].Image.Empty())
                    {
                        continue;
                    }

                    await feeder.FeedAsync(Server.Sink, Sources[i], frames[i].Image, frames[i].Poses);
                }

                await Task.Delay(20, stop);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
