using System.Globalization;
using EdgePose.Core.Decoding;
using EdgePose.Core.Errors;
using EdgePose.Core.Processing;
using EdgePose.Host.Sinks.Mqtt;
using Microsoft.Extensions.Options;

namespace EdgePose.Host.Run.Settings;

/// <summary>
/// Checks <see cref="RunSettings"/> at start; each failure names the key (as in the JSON file, e.g.
/// "Model:Batch") and what is wrong. Sources are checked one by one later: a bad source is reported and the
/// others still run.
/// </summary>
public sealed class RunSettingsValidator : IValidateOptions<RunSettings>
{
    public ValidateOptionsResult Validate(string? name, RunSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Check(bool ok, string key, string problem)
        {
            if (!ok)
            {
                failures.Add($"{key}: {problem}");
            }
        }

        var m = options.Model;
        Check(m.Provider is "cpu" or "cuda" or "tensorrt", "Model:Provider", $"'{m.Provider}' is not cpu, cuda or tensorrt");
        Check(m.Threads is >= 0 and <= 1024, "Model:Threads", $"{m.Threads} is not 0 (one per core) to 1024");
        Check(m.ImageSize is null or (>= 32 and <= 4096), "Model:ImageSize", $"{m.ImageSize} is not 32 to 4096");
        Check(m.Batch is >= 1 and <= 64, "Model:Batch", $"{m.Batch} is not 1 to 64");
        Check(m.Confidence is > 0 and <= 1, "Model:Confidence", $"{Num(m.Confidence)} is not in (0, 1]");
        Check(m.Iou is >= 0 and <= 1, "Model:Iou", $"{Num(m.Iou)} is not in [0, 1]");
        Check(m.MaxDetections is >= 1 and <= DecodeOptions.MaxDetectionsLimit, "Model:MaxDetections", $"{m.MaxDetections} is not 1 to {DecodeOptions.MaxDetectionsLimit}");

        var p = options.Pipeline;
        Check(p.OpenTimeoutSeconds is > 0 and <= 3600, "Pipeline:OpenTimeoutSeconds", $"{Num(p.OpenTimeoutSeconds)} is not above 0 and at most 3600");
        Check(p.ReadTimeoutSeconds is > 0 and <= 3600, "Pipeline:ReadTimeoutSeconds", $"{Num(p.ReadTimeoutSeconds)} is not above 0 and at most 3600");
        Check(p.ReconnectInitialSeconds is > 0 and <= 3600, "Pipeline:ReconnectInitialSeconds", $"{Num(p.ReconnectInitialSeconds)} is not above 0 and at most 3600");
        Check(p.ReconnectMaxSeconds >= p.ReconnectInitialSeconds && p.ReconnectMaxSeconds <= 3600, "Pipeline:ReconnectMaxSeconds", $"{Num(p.ReconnectMaxSeconds)} is below ReconnectInitialSeconds or above 3600");
        Check(p.BatchTimeoutMs is >= 0 and <= 10_000, "Pipeline:BatchTimeoutMs", $"{Num(p.BatchTimeoutMs)} is not 0 to 10000");
        Check(p.FreshFrameWaitMs is >= 0 and <= 1000, "Pipeline:FreshFrameWaitMs", $"{Num(p.FreshFrameWaitMs)} is not 0 to 1000");
        Check(p.OutputQueue is >= 1 and <= 1000, "Pipeline:OutputQueue", $"{p.OutputQueue} is not 1 to 1000");
        Check(p.MaxFrames is null or >= 1, "Pipeline:MaxFrames", $"{p.MaxFrames} is not at least 1");

        var g = options.Processing;
        Check(ProcessingChoice.TryParseMode(g.Mode, out _), "Processing:Mode", $"'{g.Mode}' is not {string.Join(", ", ProcessingChoice.Modes.SkipLast(1))} or {ProcessingChoice.Modes[^1]}");
        Check(ProcessingChoice.TryParseFallback(g.Fallback, out _), "Processing:Fallback", $"'{g.Fallback}' is not {string.Join(" or ", ProcessingChoice.Fallbacks)}");
        Check(g.Device is >= 0 and <= 63, "Processing:Device", $"{g.Device} is not a CUDA device ordinal 0 to 63");

        Check(options.StatusIntervalSeconds is >= 0 and <= 3600, "StatusIntervalSeconds", $"{Num(options.StatusIntervalSeconds)} is not 0 to 3600");
        Check(options.DurationSeconds is null or > 0, "DurationSeconds", $"{Num(options.DurationSeconds ?? 0)} is not above 0");
        Check(options.Outputs.Preview.Port is >= 0 and <= 65535, "Outputs:Preview:Port", $"{options.Outputs.Preview.Port} is not 0 to 65535");
        Check(options.Health.Port is null or (>= 0 and <= 65535), "Health:Port", $"{options.Health.Port} is not 0 to 65535");
        Check(options.Health.SourceGraceSeconds > 0, "Health:SourceGraceSeconds", $"{options.Health.SourceGraceSeconds} must be more than 0");
        Check(System.Net.IPAddress.TryParse(options.Health.Bind, out _), "Health:Bind", $"'{options.Health.Bind}' is not an IP address");
        Check(!string.IsNullOrWhiteSpace(options.Outputs.Preview.Bind), "Outputs:Preview:Bind", "is empty");
        Check(options.DeviceId is null || (options.DeviceId.Length is > 0 and <= 128 && !options.DeviceId.Any(c => c is '/' or '+' or '#' || char.IsControl(c))), "DeviceId", "must be 1 to 128 characters without '/', '+', '#' or control characters");
        Check(options.Outputs.Jsonl is null || options.Outputs.Jsonl.Length > 0, "Outputs:Jsonl", "is empty (give a file, or - for stdout)");
        Check(options.Outputs.Video is null || options.Outputs.Video.Length > 0, "Outputs:Video", "is empty (give a path, with {source} for one file per source)");
        Check(options.Outputs.Mqtt.Qos is >= 0 and <= 2, "Outputs:Mqtt:Qos", $"{options.Outputs.Mqtt.Qos} is not 0, 1 or 2");
        Check(options.Outputs.Mqtt.QueueMaxCount is >= 1 and <= 10_000_000, "Outputs:Mqtt:QueueMaxCount", $"{options.Outputs.Mqtt.QueueMaxCount} is not 1 to 10000000");
        Check(options.Outputs.Mqtt.Password is null || options.Outputs.Mqtt.PasswordFile is null, "Outputs:Mqtt:PasswordFile", "give Password or PasswordFile, not both");
        CheckMqtt(options.Outputs.Mqtt, Check);
        Check(options.Sources.Count > 0, "Sources", "no source given (--source or Sources in the config file)");
        for (int i = 0; i < options.Sources.Count; i++)
        {
            var s = options.Sources[i];
            Check(s.Transport is "tcp" or "udp", FormattableString.Invariant($"Sources:{i}:Transport"), $"'{s.Transport}' is not tcp or udp");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The broker address, and the TLS files: present and readable, so a bad path fails at start, not at connect.</summary>
    private static void CheckMqtt(MqttSettings mqtt, Action<bool, string, string> check)
    {
        if (string.IsNullOrWhiteSpace(mqtt.Broker))
        {
            return;
        }

        bool tls = false;
        try
        {
            tls = MqttBrokerAddress.Parse(mqtt.Broker, "broker").UseTls;
        }
        catch (InputException e)
        {
            check(false, "Outputs:Mqtt:Broker", e.Message);
        }

        foreach (var (key, path) in new[] { ("CaFile", mqtt.CaFile), ("CertFile", mqtt.CertFile), ("KeyFile", mqtt.KeyFile) })
        {
            if (path is null)
            {
                continue;
            }

            if (!tls)
            {
                check(false, "Outputs:Mqtt:" + key, $"is set but the broker address '{mqtt.Broker}' is not mqtts://");
                continue;
            }

            check(Readable(path) is null, "Outputs:Mqtt:" + key, $"file '{path}' {Readable(path)}");
        }

        check(mqtt.KeyFile is null || mqtt.CertFile is not null, "Outputs:Mqtt:KeyFile", "is set without CertFile");
        check(!mqtt.SpoolEnabled || mqtt.Qos > 0, "Outputs:Mqtt:Spool", "needs Qos 1 or 2 (QoS 0 events are never kept)");
        check(mqtt.SpoolMaxBytes is >= 1L << 20 and <= 1L << 40, "Outputs:Mqtt:SpoolMaxBytes", $"{mqtt.SpoolMaxBytes} is not 1 MiB (1048576) to 1 TiB");
        check(mqtt.SpoolDirectory is null || mqtt.SpoolDirectory.Length > 0, "Outputs:Mqtt:SpoolDirectory", "is empty");
    }

    /// <summary>Null when <paramref name="path"/> is a file this process can read; else what is wrong.</summary>
    private static string? Readable(string path)
    {
        if (Directory.Exists(path))
        {
            return "is a folder";
        }

        if (!File.Exists(path))
        {
            return "not found";
        }

        try
        {
            using var stream = File.OpenRead(path);
            return null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return "cannot be read: " + e.Message;
        }
    }

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
