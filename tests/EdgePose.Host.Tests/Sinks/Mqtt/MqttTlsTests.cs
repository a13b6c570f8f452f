using System.Text;
using EdgePose.Core.Errors;
using EdgePose.Core.Events;
using EdgePose.Core.Meta;
using EdgePose.Host.Sinks.Mqtt;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Sinks.Mqtt;

/// <summary>
/// mqtts:// against a real mosquitto whose TLS listener requires a client certificate and a password, with a CA,
/// server and client certificates made by the test; a broker certificate from another CA, and certificate files
/// that are missing or not PEM.
/// </summary>
public sealed class MqttTlsTests : IDisposable
{
    private static readonly PoseEventOptions s_events = new("edge-tls", "yolo11n-pose") { EmptyFrames = EmptyFramePolicy.Always };
    private static readonly MqttStatus s_status = new("0.1.0", KeypointMeta.Coco17.KeypointNames, ["door"]);
    private readonly string _dir = TestPaths.NewTempDir("edgepose-mqtt-tls");
    private readonly SinkFrames _frames = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static MqttSinkOptions Options(MosquittoBroker broker, TestCertificates pki, string caFile) =>
        new(MqttBrokerAddress.Parse(broker.Uri), s_events)
        {
            Tls = new MqttTlsFiles(caFile, pki.ClientCertFile, pki.ClientKeyFile),
            Username = "edge",
            Password = "tls-secret",
            ReconnectDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(300),
        };

    [RequiresMosquittoFact(clients: true)]
    public async Task Events_arrive_over_tls_with_a_client_certificate_and_a_password()
    {
        var pki = TestCertificates.Create(Path.Combine(_dir, "pki"));
        var passwords = MosquittoBroker.PasswordFile(_dir, "edge", "tls-secret");
        using var broker = MosquittoBroker.StartTls(pki, $"allow_anonymous false\npassword_file {passwords}");
        using var sub = await MosquittoSub.StartAsync(broker.Port, "edgepose/#", "--cafile", pki.CaFile, "--cert", pki.ClientCertFile, "--key", pki.ClientKeyFile, "-u", "edge", "-P", "tls-secret");
        var log = new RecordingLogger();

        await using (var sink = new MqttPoseSink(Options(broker, pki, pki.CaFile), s_status, log))
        {
            await _frames.WriteAsync(sink, 5);
            await sink.CompleteAsync(CancellationToken.None);
            Assert.Equal(5, sink.Published);
        }

        var events = await sub.WaitForAsync("/poses", 5);
        Assert.Equal(5, events.Count);
        Assert.All(events, e => Assert.Equal("edgepose/edge-tls/door/poses", e.Topic));
        Assert.All(events, e => PoseEventSchemaCheck.AssertValid(e.Payload));
        Assert.Equal([0L, 1, 2, 3, 4], events.Select(e => PoseEventJson.Parse(Encoding.UTF8.GetBytes(e.Payload)).Seq));
        Assert.Contains(log.Lines, l => l.Contains("mqtts://127.0.0.1", StringComparison.Ordinal) && l.Contains("connected", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Lines, l => l.Contains("tls-secret", StringComparison.Ordinal));
    }

    [RequiresMosquittoFact]
    public async Task A_broker_certificate_from_another_ca_is_refused_naming_the_ca_file()
    {
        var pki = TestCertificates.Create(Path.Combine(_dir, "pki"));
        var other = TestCertificates.Create(Path.Combine(_dir, "other"), "Someone Else's CA");
        var passwords = MosquittoBroker.PasswordFile(_dir, "edge", "tls-secret");
        using var broker = MosquittoBroker.StartTls(pki, $"allow_anonymous false\npassword_file {passwords}");
        var log = new RecordingLogger();

        await using var sink = new MqttPoseSink(Options(broker, pki, other.CaFile) with { DrainTimeout = TimeSpan.FromMilliseconds(300) }, s_status, log);
        await _frames.WriteAsync(sink, 2);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!log.Lines.Any(l => l.Contains("cannot connect", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "no connect failure logged: " + string.Join(" | ", log.Lines));
            await Task.Delay(20);
        }

        var line = log.Lines.Single(l => l.Contains("cannot connect", StringComparison.Ordinal));
        Assert.Contains($"TLS: the broker's certificate (CN=127.0.0.1, issued by CN=EdgePose Test CA) is not signed by a CA in the CA file '{other.CaFile}'", line, StringComparison.Ordinal);
        Assert.False(sink.IsConnected);
        Assert.Equal(2, sink.Queued);
    }

    [Theory]
    [InlineData("ca", "MQTT CA file '{0}' not found")]
    [InlineData("cert", "MQTT certificate file '{0}' not found")]
    [InlineData("key", "MQTT key file '{0}' not found")]
    public void A_missing_certificate_file_is_one_error_naming_it_before_connecting(string which, string says)
    {
        var pki = TestCertificates.Create(Path.Combine(_dir, "pki"));
        var missing = Path.Combine(_dir, "absent.pem");
        var files = which switch
        {
            "ca" => new MqttTlsFiles(missing, pki.ClientCertFile, pki.ClientKeyFile),
            "cert" => new MqttTlsFiles(pki.CaFile, missing, pki.ClientKeyFile),
            _ => new MqttTlsFiles(pki.CaFile, pki.ClientCertFile, missing),
        };
        var options = new MqttSinkOptions(new MqttBrokerAddress("127.0.0.1", 8883, true), s_events) { Tls = files };

        var e = Assert.Throws<InputException>(() => new MqttPoseSink(options, s_status, new RecordingLogger()));

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, says, missing), e.Message);
    }

    [Fact]
    public void A_certificate_file_that_is_not_pem_is_one_error_naming_it()
    {
        var pki = TestCertificates.Create(Path.Combine(_dir, "pki"));
        var notPem = Path.Combine(_dir, "not.pem");
        File.WriteAllText(notPem, "hello\n");

        var ca = Assert.Throws<InputException>(() => MqttTls.Load(new MqttTlsFiles(notPem)));
        var cert = Assert.Throws<InputException>(() => MqttTls.Load(new MqttTlsFiles(pki.CaFile, notPem, pki.ClientKeyFile)));
        var key = Assert.Throws<InputException>(() => MqttTls.Load(new MqttTlsFiles(pki.CaFile, pki.ClientCertFile, notPem)));

        Assert.Equal($"MQTT CA file '{notPem}' holds no PEM certificate", ca.Message);
        Assert.StartsWith($"MQTT certificate file '{notPem}' and key file '{pki.ClientKeyFile}' are not", cert.Message, StringComparison.Ordinal);
        Assert.StartsWith($"MQTT certificate file '{pki.ClientCertFile}' and key file '{notPem}' are not", key.Message, StringComparison.Ordinal);
        Assert.All(new[] { ca, cert, key }, x => Assert.DoesNotContain('\n', x.Message));
    }

    [Fact]
    public void Tls_files_with_a_plain_mqtt_address_are_an_error()
    {
        var options = new MqttSinkOptions(MqttBrokerAddress.Parse("mqtt://127.0.0.1:1883"), s_events) { Tls = new MqttTlsFiles("/etc/ca.pem") };

        var e = Assert.Throws<InputException>(() => options.Validated());

        Assert.Equal("MQTT TLS files are given but the broker address mqtt://127.0.0.1:1883 is not mqtts://", e.Message);
    }
}
