using EdgePose.Core.Pipeline;
using EdgePose.Host.Run.Settings;
using Microsoft.Extensions.Logging;

namespace EdgePose.Host.Run;

/// <summary>The sinks a run writes to, made from "Outputs"; disposed together at the end.</summary>
public sealed class RunOutputs : IAsyncDisposable
{
    private readonly List<IPoseSink> _sinks = [];

    private RunOutputs()
    {
    }

    public IReadOnlyList<IPoseSink> Sinks => _sinks;

    public static ValueTask<RunOutputs> OpenAsync(RunSettings settings, PoseModel model, IReadOnlyList<PipelineSource> sources, RunConsole console, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var outputs = new RunOutputs();
        return ValueTask.FromResult(outputs);
    }

    /// <summary>Gives outputs that show state (the preview page) the running pipeline's counters.</summary>
    public void Attach(PipelineStats stats)
    {
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sink in _sinks)
        {
            await sink.DisposeAsync().ConfigureAwait(false);
        }
    }
}
