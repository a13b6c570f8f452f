using System.CommandLine;
using System.Globalization;
using EdgePose.Cli;
using EdgePose.Core.Errors;
using EdgePose.Host.Run;
using EdgePose.Host.Run.Settings;
using EdgePose.Native.OpenCv;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;

namespace EdgePose.Host.Commands;

/// <summary>
/// `edgepose run`: the live pipeline on one or more sources through the generic host, with a status line and a
/// final summary. With no arguments: the default model on Debian's sample video.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config", "-c") { Description = "JSON settings file (comments allowed); see config/edgepose.example.jsonc" };
        var source = new Option<string[]>("--source", "-s") { Description = "A source (repeat for several): rtsp://, a video file, file://, v4l2:///dev/videoN, a camera index, csi://N, gst://PIPELINE, test://PATTERN; id=URI names it", AllowMultipleArgumentsPerToken = false };
        var model = new Option<string?>("--model", "-m") { Description = "Model file (.onnx or .engine); default: EDGEPOSE_MODEL or the shared yolo11n-pose" };
        var provider = new Option<string?>("--provider") { Description = "ONNX Runtime execution provider: cpu, cuda or tensorrt" };
        var processing = new Option<string?>("--processing") { Description = "Pre- and post-processing on gpu, cpu or auto (default: the GPU when a CUDA device is there and the kernels load); see docs/gpu-processing.md" };
        var threads = new Option<int?>("--threads") { Description = "CPU threads for ONNX Runtime (0 = one per core)" };
        var batch = new Option<int?>("--batch") { Description = "Frames per engine run, from different sources (models with a dynamic batch)" };
        var imgsz = new Option<int?>("--imgsz") { Description = "Model input size for models with a dynamic input" };
        var conf = new Option<double?>("--conf") { Description = "Score threshold (default 0.25)" };
        var iou = new Option<double?>("--iou") { Description = "NMS IoU threshold (default 0.7)" };
        var jsonl = new Option<string?>("--jsonl") { Description = "Write pose events as JSON Lines to this file, or - for stdout" };
        var video = new Option<string?>("--video") { Description = "Write annotated video per source: a path with {source}, e.g. runs/run/{source}.mp4" };
        var mqtt = new Option<string?>("--mqtt") { Description = "Publish pose events to this MQTT broker, mqtt://host[:port] or mqtts://host[:port]; credentials and TLS files go in the config file or environment (docs/events.md)" };
        var preview = new Option<int?>("--preview") { Description = "Serve the MJPEG preview page on this port of 127.0.0.1 (0 picks one)", Arity = ArgumentArity.ZeroOrOne };
        var duration = new Option<double?>("--duration") { Description = "Stop after this many seconds" };
        var maxFrames = new Option<long?>("--max-frames") { Description = "Stop each source after this many frames" };
        var realtime = new Option<bool>("--realtime") { Description = "Read video files at their frame rate, as a camera (default: as fast as possible)" };
        var pixelClock = new Option<bool>("--pixel-clock") { Description = "The sources paint their capture time into their pixels (scripts/rtsp-test-server.py /clock): latencies count from it" };
        var track = new Option<string?>("--track") { Description = "Track persons (ByteTrack, ids in events as persons[].track); optionally a bytetrack.yaml with its settings", Arity = ArgumentArity.ZeroOrOne };
        var deviceId = new Option<string?>("--device-id") { Description = "This device's id in events (default: the host name)" };
        var status = new Option<double?>("--status-interval") { Description = "Seconds between status lines (0: none; default 1)" };
        var health = new Option<int?>("--health") { Description = "Serve /healthz and /metrics (Prometheus) on this port of 127.0.0.1 (0 picks one)" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Debug logging" };

        var cmd = new Command("run", "Run the live pipeline: sources → poses → outputs, until the sources end or Ctrl+C")
        {
            config, source, model, provider, processing, threads, batch, imgsz, conf, iou, jsonl, video, mqtt, preview, duration, maxFrames, realtime, pixelClock, track, deviceId, status, health, verbose,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var ic = CultureInfo.InvariantCulture;
            var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            void Set<T>(string key, T? value)
            {
                if (value is not null)
                {
                    overrides[key] = Convert.ToString(value, ic);
                }
            }

            var sources = parse.GetValue(source) ?? [];
            for (int i = 0; i < sources.Length; i++)
            {
                var (id, uri) = SplitId(sources[i]);
                overrides[$"Sources:{i}:Uri"] = uri;
                overrides[$"Sources:{i}:Id"] = id;
                if (parse.GetValue(realtime))
                {
                    overrides[$"Sources:{i}:Realtime"] = "true";
                }

                if (parse.GetValue(pixelClock))
                {
                    overrides[$"Sources:{i}:PixelClock"] = "true";
                }
            }

            Set("Model:Path", parse.GetValue(model));
            Set("Model:Provider", parse.GetValue(provider));
            Set("Processing:Mode", parse.GetValue(processing));
            Set("Model:Threads", parse.GetValue(threads));
            Set("Model:Batch", parse.GetValue(batch));
            Set("Model:ImageSize", parse.GetValue(imgsz));
            Set("Model:Confidence", parse.GetValue(conf));
            Set("Model:Iou", parse.GetValue(iou));
            Set("Outputs:Jsonl", parse.GetValue(jsonl));
            Set("Outputs:Video", parse.GetValue(video));
            Set("Outputs:Mqtt:Broker", parse.GetValue(mqtt));
            if (parse.GetResult(preview) is not null)
            {
                overrides["Outputs:Preview:Enabled"] = "true";
                Set("Outputs:Preview:Port", parse.GetValue(preview));
            }

            if (parse.GetResult(track) is not null)
            {
                overrides["Tracking:Enabled"] = "true";
                Set("Tracking:Config", parse.GetValue(track));
            }

            Set("DurationSeconds", parse.GetValue(duration));
            Set("Pipeline:MaxFrames", parse.GetValue(maxFrames));
            Set("DeviceId", parse.GetValue(deviceId));
            Set("StatusIntervalSeconds", parse.GetValue(status));
            Set("Health:Port", parse.GetValue(health));

            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var configuration = RunConfiguration.Build(parse.GetValue(config), overrides);
            var settings = RunConfiguration.Bind(configuration);
            if (settings.Sources.Count == 0)
            {
                // Nothing configured: the sample video, as the README's first command shows.
                overrides["Sources:0:Uri"] = DefaultPaths.Video();
                overrides["Sources:0:Id"] = "vtest";
                configuration = RunConfiguration.Build(parse.GetValue(config), overrides);
            }

            bool isVerbose = parse.GetValue(verbose);
            // OpenCV is loaded only by an output that draws (--video, --preview): a headless run never maps it.
            OpenCvLogging.ForCommandWithoutLoading(isVerbose);
            var configFile = parse.GetValue(config);
            return await RunHostAsync(configuration, new RunConsole(stdout, stderr), isVerbose, ct, reread: () => RunConfiguration.Build(configFile, overrides)).ConfigureAwait(false);
        });
        return cmd;
    }

    /// <summary>Runs the pipeline service in a generic host built on <paramref name="configuration"/>; returns the exit code.</summary>
    /// <param name="services">Adds services to the host (e.g. an <see cref="IPipelineRunObserver"/>).</param>
    /// <param name="reread">Reads the configuration again for SIGHUP; null: SIGHUP is not handled.</param>
    public static async Task<int> RunHostAsync(IConfiguration configuration, RunConsole console, bool verbose, CancellationToken ct, Action<IServiceCollection>? services = null, Func<IConfiguration>? reread = null)
    {
        // Logs, the status line and JSON Lines on stdout come from several threads.
        console = new RunConsole(TextWriter.Synchronized(console.Out), TextWriter.Synchronized(console.Error));
        using var logger = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .WriteTo.Logger(CliLogging.Create(console.Error, verbose))
            .CreateLogger();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "edgepose" });
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.AddSerilog(logger, dispose: false);
        builder.Services.AddSingleton(console);
        builder.Services.AddSingleton<RunOutcome>();
        builder.Services.AddSingleton<BrokerStatus>();
        builder.Services.AddSingleton<IValidateOptions<RunSettings>, RunSettingsValidator>();
        builder.Services.AddOptions<RunSettings>().Bind(builder.Configuration).ValidateOnStart();
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddHostedService<PipelineService>();
        if (Environment.GetEnvironmentVariable("NOTIFY_SOCKET") is { Length: > 0 })
        {
            // Under systemd (Type=notify): READY, STATUS, WATCHDOG and STOPPING (Service/SystemdNotifications).
            builder.Services.AddSingleton<Microsoft.Extensions.Hosting.Systemd.ISystemdNotifier, Microsoft.Extensions.Hosting.Systemd.SystemdNotifier>();
            builder.Services.AddSingleton(s => new Service.SystemdNotifications(
                s.GetRequiredService<Microsoft.Extensions.Hosting.Systemd.ISystemdNotifier>(),
                s.GetRequiredService<IHostApplicationLifetime>(),
                s.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Service.SystemdNotifications>>(),
                Service.WatchdogSettings.Timeout(),
                s.GetRequiredService<BrokerStatus>()));
            builder.Services.AddSingleton<IPipelineRunObserver>(s => s.GetRequiredService<Service.SystemdNotifications>());
        }

        if (reread is not null)
        {
            builder.Services.AddSingleton(s => new RunReloader(reread, s.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        }

        services?.Invoke(builder.Services);
        using var host = builder.Build();
        var outcome = host.Services.GetRequiredService<RunOutcome>();
        try
        {
            await host.RunAsync(ct).ConfigureAwait(false);
        }
        catch (OptionsValidationException e)
        {
            throw new InputException("configuration: " + string.Join("; ", e.Failures));
        }

        if (outcome.Error is { } error)
        {
            await console.Error.WriteLineAsync("error: " + error).ConfigureAwait(false);
        }

        if (ct.IsCancellationRequested)
        {
            // As every command: a signal ends with "cancelled" and 130 or 143 (the summary is already printed).
            await console.Error.WriteLineAsync("error: cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }

        return outcome.ExitCode;
    }

    /// <summary>"door=rtsp://..." names a source; a URI with a scheme or a path alone stays unnamed.</summary>
    internal static (string? Id, string Uri) SplitId(string text)
    {
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        int scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (eq > 0 && (scheme < 0 || eq < scheme) && !text[..eq].Contains('/', StringComparison.Ordinal))
        {
            return (text[..eq], text[(eq + 1)..]);
        }

        return (null, text);
    }
}
