using System.Globalization;
using System.Net.Sockets;
using EdgePose.Cli;
using EdgePose.Core.Benchmarking;
using EdgePose.Core.Errors;
using EdgePose.Host.Commands;
using EdgePose.Host.Run;
using EdgePose.Host.Sinks.Mqtt;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePose.Host.Bench;

/// <summary>
/// `edgepose bench e2e`: glass-to-event latency. The pipeline runs on a pixel-clock stream (scripts/rtsp-test-server.py
/// /clock) with every frame published over MQTT; <see cref="E2eSubscriber"/> receives the events through the broker.
/// Before measuring: the broker must answer and an RTSP source's server must accept a connection.
/// </summary>
public static class E2eBenchRunner
{
    public const string DeviceId = "bench-e2e";

    public sealed record Request(string Source, string Broker, string Model, string OutputFolder, double Seconds)
    {
        public int Threads { get; init; }

        public string? Baseline { get; init; }

        public double ThresholdPercent { get; init; } = 10;
    }

    public static async Task<int> RunAsync(Request r, RunConsole console, bool verbose, CancellationToken ct)
    {
        var baseline = r.Baseline is null ? null : BenchReportJson.Read(r.Baseline);
        var broker = MqttBrokerAddress.Parse(r.Broker, "--broker");
        await CheckSourceAsync(r.Source, ct).ConfigureAwait(false);
        EdgePose.Cli.Files.InputFile.Require(r.Model, "model file");
        await using var subscriber = await E2eSubscriber.ConnectAsync(broker, $"edgepose/{DeviceId}/+/poses", ct).ConfigureAwait(false);

        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Sources:0:Uri"] = r.Source,
            ["Sources:0:Id"] = "clock",
            ["Sources:0:PixelClock"] = "true",
            ["Model:Path"] = r.Model,
            ["Model:Threads"] = r.Threads.ToString(CultureInfo.InvariantCulture),
            ["Outputs:Mqtt:Broker"] = r.Broker,
            ["Outputs:Mqtt:Qos"] = "0",
            ["Outputs:EmptyFrames"] = "always",
            ["DeviceId"] = DeviceId,
            ["DurationSeconds"] = r.Seconds.ToString(CultureInfo.InvariantCulture),
        };
        var configuration = RunConfiguration.Build(null, overrides);
        var config = overrides.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
        using var pipeline = new PipelineBenchCollector(r.Model, config);
        int code = await RunCommand.RunHostAsync(configuration, console, verbose, ct, s => s.AddSingleton<IPipelineRunObserver>(pipeline)).ConfigureAwait(false);

        // Events still on their way through the broker arrive within a moment.
        await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None).ConfigureAwait(false);
        var (latency, arrival) = subscriber.Snapshot();
        if (latency.Length == 0)
        {
            await console.Error.WriteLineAsync($"error: no pose event arrived from {r.Source} through {broker}; is it a pixel-clock stream (scripts/rtsp-test-server.py /clock)?").ConfigureAwait(false);
            return code == ExitCodes.Ok ? ExitCodes.Failure : code;
        }

        double seconds = arrival[^1];
        double window = seconds >= 120 ? 60 : Math.Max(1, Math.Ceiling(seconds / 10));
        var result = new E2eBenchResult(LatencyStatistics.Of(latency.ToArray()), latency.Length, seconds)
        {
            Samples = latency,
            ArrivalSeconds = arrival,
            PerWindow = E2eBenchResult.Windows(latency, arrival, window),
            WindowSeconds = window,
        };
        var report = new BenchReport("e2e", DateTimeOffset.UtcNow, MachineProbe.Describe(), Path.GetFullPath(r.Model), pipeline.Report?.Runtime ?? "edgepose run", BenchReportOutput.Version())
        {
            Config = config,
            E2e = result,
            Pipeline = pipeline.Report?.Pipeline,
        };
        BenchReportOutput.Write(report, r.OutputFolder, r.Model, console.Out);
        return code != ExitCodes.Ok || baseline is null
            ? code
            : BenchReportOutput.Compare(report, baseline, r.Baseline!, r.ThresholdPercent, console.Out, console.Error);
    }

    /// <summary>An RTSP source's server must accept a TCP connection within 3 s; a file must exist.</summary>
    private static async Task CheckSourceAsync(string source, CancellationToken ct)
    {
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || uri.Scheme is not ("rtsp" or "rtsps"))
        {
            throw new InputException($"--source '{source}': bench e2e needs an RTSP pixel-clock stream, e.g. rtsp://127.0.0.1:8554/clock from scripts/rtsp-test-server.py");
        }

        using var tcp = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            await tcp.ConnectAsync(uri.Host, uri.Port > 0 ? uri.Port : 554, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when ((e is SocketException or OperationCanceledException) && !ct.IsCancellationRequested)
        {
            throw new InputException($"--source {uri.GetLeftPart(UriPartial.Authority)}: no RTSP server answers ({(e is SocketException s ? s.SocketErrorCode.ToString() : "no answer within 3 s")})");
        }
    }

}
