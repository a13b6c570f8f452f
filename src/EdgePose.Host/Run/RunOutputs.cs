using EdgePose.Core.Meta;
using EdgePose.Core.Pipeline;
using EdgePose.Host.Preview;
using EdgePose.Host.Run.Settings;
using Microsoft.Extensions.Logging;

namespace EdgePose.Host.Run;

/// <summary>The sinks a run writes to, made from "Outputs"; disposed together after the pipeline stopped.</summary>
public sealed class RunOutputs : IAsyncDisposable
{
    private readonly List<IPoseSink> _sinks = [];
    private PreviewServer? _preview;

    private RunOutputs()
    {
    }

    public IReadOnlyList<IPoseSink> Sinks => _sinks;

    /// <summary>The preview page's address, when it runs.</summary>
    public Uri? PreviewUrl => _preview?.Url;

    public static async ValueTask<RunOutputs> OpenAsync(RunSettings settings, PoseModel model, IReadOnlyList<PipelineSource> sources, RunConsole console, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var outputs = new RunOutputs();
        try
        {
            var meta = ModelKeypointMeta.Resolve(model.Layout.KeypointCount, model.Layout.KeypointDims, model.Engine.Metadata);
            var o = settings.Outputs;
            if (o.Preview.Enabled)
            {
                var options = new PreviewOptions { Address = o.Preview.Bind, Port = o.Preview.Port };
                outputs._preview = await PreviewServer.StartAsync(options, sources, meta, model.Engine.Metadata.Names, loggers, cancellationToken).ConfigureAwait(false);
                outputs._sinks.Add(outputs._preview.Sink);
            }

            return outputs;
        }
        catch
        {
            await outputs.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Gives outputs that show state (the preview page) the running pipeline's counters.</summary>
    public void Attach(PipelineStats stats) => _preview?.AttachStats(stats);

    public async ValueTask DisposeAsync()
    {
        foreach (var sink in _sinks.Where(s => _preview is null || !ReferenceEquals(s, _preview.Sink)))
        {
            await sink.DisposeAsync().ConfigureAwait(false);
        }

        if (_preview is not null)
        {
            await _preview.DisposeAsync().ConfigureAwait(false);
        }
    }
}
