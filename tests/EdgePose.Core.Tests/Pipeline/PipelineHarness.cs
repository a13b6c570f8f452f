using EdgePose.Core.Inference;
using EdgePose.Core.Pipeline;
using EdgePose.Core.Sources;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgePose.Core.Tests.Pipeline;

/// <summary>Builds a <see cref="PosePipeline"/> on scripted sources, the tiny engine and collecting sinks.</summary>
internal sealed class PipelineHarness : IDisposable
{
    public PipelineHarness(Dictionary<string, (bool Live, ScriptedSource Script)> sources, TinyPoseEngine? engine = null, PipelineOptions? options = null, params IPoseSink[] sinks)
        : this(sources, engine, options, processor: null, sinks)
    {
    }

    /// <param name="processor">Makes the pipeline's processor for the model; null: the CPU path with a nearest-neighbour resizer.</param>
    public PipelineHarness(Dictionary<string, (bool Live, ScriptedSource Script)> sources, TinyPoseEngine? engine, PipelineOptions? options, Func<PoseModel, Core.Processing.IFrameProcessor>? processor, params IPoseSink[] sinks)
    {
        Engine = engine ?? new TinyPoseEngine();
        Readers = new ScriptedReaders(sources.ToDictionary(s => s.Key, s => s.Value.Script));
        Sources = [.. sources.Select((s, i) => new PipelineSource(i, s.Key, SourceUri.Parse(s.Value.Live ? "test://ball" : "test://ball?live=false", NoPaths.Instance), new SourcePipelineOptions()))];
        Sinks = sinks.Length == 0 ? [new CollectingSink()] : sinks;
        Model = new PoseModel(Engine, new PredictorOptions(), "tiny");
        Pipeline = processor is null
            ? new PosePipeline(Model, new NearestResizer(), Readers, Sources, Sinks, options ?? new PipelineOptions(), NullLogger.Instance)
            : new PosePipeline(Model, processor(Model), Readers, Sources, Sinks, options ?? new PipelineOptions(), NullLogger.Instance);
    }

    public TinyPoseEngine Engine { get; }

    public ScriptedReaders Readers { get; }

    public List<PipelineSource> Sources { get; }

    public IPoseSink[] Sinks { get; }

    public CollectingSink Sink => (CollectingSink)Sinks[0];

    public PoseModel Model { get; }

    public PosePipeline Pipeline { get; }

    public PipelineStats Stats => Pipeline.Stats;

    public SourceCounters Counters(string id) => Stats.Sources.Single(s => s.Source.Id == id);

    /// <summary>Runs until the sources end, or stops after <paramref name="stopAfter"/>; fails the test after 30 s.</summary>
    public async Task RunAsync(TimeSpan? stopAfter = null)
    {
        using var stop = new CancellationTokenSource();
        if (stopAfter is { } after)
        {
            stop.CancelAfter(after);
        }

        var run = Pipeline.RunAsync(stop.Token);
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(finished == run, "the pipeline did not finish within 30 s");
        await run;
    }

    public void Dispose()
    {
        Pipeline.Dispose();
        Engine.Dispose();
    }

    private sealed class NoPaths : IPathProbe
    {
        public static readonly NoPaths Instance = new();

        public PathKind Probe(string path) => PathKind.Missing;
    }
}
