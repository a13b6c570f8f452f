using EdgePose.Cli.Files;
using EdgePose.Core.Events;
using EdgePose.Core.Meta;
using EdgePose.Core.Pipeline;
using EdgePose.Host.Preview;
using EdgePose.Host.Run.Settings;
using EdgePose.Host.Sinks;
using EdgePose.Host.Sinks.Mqtt;
using EdgePose.Native.OpenCv;
using Microsoft.Extensions.Logging;

namespace EdgePose.Host.Run;

/// <summary>
/// The sinks a run writes to, made from "Outputs": JSON Lines of pose events, annotated video per source, the
/// preview page, MQTT. Disposed together after the pipeline stopped.
/// </summary>
public sealed class RunOutputs : IAsyncDisposable
{
    private readonly List<IPoseSink> _sinks = [];
    private PreviewServer? _preview;

    private RunOutputs()
    {
    }

    public IReadOnlyList<IPoseSink> Sinks => _sinks;

    /// <summary>The MQTT output, when the settings name a broker.</summary>
    public MqttPoseSink? Mqtt => _sinks.OfType<MqttPoseSink>().FirstOrDefault();

    /// <summary>The preview page's address, when it runs.</summary>
    public Uri? PreviewUrl => _preview?.Url;

    public static async ValueTask<RunOutputs> OpenAsync(RunSettings settings, PoseModel model, IReadOnlyList<PipelineSource> sources, RunConsole console, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var outputs = new RunOutputs();
        try
        {
            var meta = ModelKeypointMeta.Resolve(model.Layout.KeypointCount, model.Layout.KeypointDims, model.Engine.Metadata);
            var o = settings.Outputs;
            var events = new PoseEventOptions(settings.DeviceId ?? Environment.MachineName, o.ModelId ?? Path.GetFileNameWithoutExtension(model.Name))
            {
                EmptyFrames = EmptyFramePolicy.Parse(o.EmptyFrames, "Outputs:EmptyFrames"),
            }.Validated();
            if (o.Jsonl is { } jsonl)
            {
                outputs._sinks.Add(new JsonLinesSink(jsonl, events, jsonl == "-" ? Console.OpenStandardOutput() : null));
            }

            if (o.Video is { } video)
            {
                OpenCvNative.Require("Outputs:Video (--video, annotated video)");
                var pattern = video.Contains("{source}", StringComparison.Ordinal) ? video : AddSourceToName(video);
                outputs._sinks.Add(new AnnotatedVideoSink(pattern, meta, model.Engine.Metadata.Names));
            }

            if (o.Mqtt.Broker is { Length: > 0 } broker)
            {
                var m = o.Mqtt;
                var options = new MqttSinkOptions(MqttBrokerAddress.Parse(broker, "Outputs:Mqtt:Broker"), events)
                {
                    TopicPrefix = m.TopicPrefix,
                    QualityOfService = m.Qos,
                    Mqtt5 = m.Mqtt5,
                    ClientId = m.ClientId,
                    Username = m.Username,
                    Tls = new MqttTlsFiles(m.CaFile, m.CertFile, m.KeyFile),
                    Password = m.PasswordFile is { } file ? ReadSecret(file) : m.Password,
                    QueueMaxCount = m.QueueMaxCount,
                    SpoolDirectory = m.SpoolEnabled ? m.SpoolDirectory ?? DefaultPaths.MqttSpool() : null,
                    SpoolMaxBytes = m.SpoolMaxBytes,
                };
                var status = new MqttStatus(typeof(RunOutputs).Assembly.GetName().Version?.ToString() ?? "0", meta.KeypointNames, [.. sources.Select(s => s.Id)]);
                outputs._sinks.Add(new MqttPoseSink(options, status, loggers.CreateLogger("EdgePose.Mqtt")));
            }

            if (o.Preview.Enabled)
            {
                OpenCvNative.Require("Outputs:Preview (--preview, JPEG frames)");
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

    /// <summary>A video path without {source} (one source) gets it before the extension: out.mp4 → out-{source}.mp4.</summary>
    private static string AddSourceToName(string path)
    {
        var ext = Path.GetExtension(path);
        return path[..^ext.Length] + "-{source}" + ext;
    }

    private static string ReadSecret(string file)
    {
        InputFile.Require(file, "Outputs:Mqtt:PasswordFile");
        return File.ReadLines(file).FirstOrDefault()?.TrimEnd('\r') ?? string.Empty;
    }
}
