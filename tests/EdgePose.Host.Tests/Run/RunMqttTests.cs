using System.Text;
using EdgePose.Cli;
using EdgePose.Core.Events;
using EdgePose.Host.Tests.Sinks.Mqtt;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Run;

/// <summary>`edgepose run` publishing to MQTT: events at a plain mosquitto_sub end to end, and the MQTT settings' bad inputs.</summary>
[Collection(RunCommandTests.InProcessRuns)]
public sealed class RunMqttTests : IDisposable
{
    private const string Model = "models/yolo11n-pose_int8_floathead.onnx";
    private readonly string _dir = TestPaths.NewTempDir("edgepose-run-mqtt");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Config(string json)
    {
        var file = Path.Combine(_dir, $"config-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        return file;
    }

    private static Task<CliRun> Run(params string[] args) =>
        CliRun.InProcess(["run", "--model", TestPaths.FloatHeadModel, "--status-interval", "0", .. args]);

    [RequiresMosquittoFact(clients: true, Model)]
    public async Task A_runs_events_arrive_at_mosquitto_sub_and_are_valid_v1_events()
    {
        using var broker = MosquittoBroker.Start();
        using var sub = await MosquittoSub.StartAsync(broker.Port, "e2e/#");
        var config = Config("""{ "Outputs": { "EmptyFrames": "always", "Mqtt": { "TopicPrefix": "e2e" } } }""");

        var r = await Run("--config", config, "--source", "door=test://ball?live=false&frames=5", "--mqtt", broker.Uri, "--device-id", "edge-e2e");

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        var events = await sub.WaitForAsync("/poses", 5);
        Assert.Equal([0L, 1, 2, 3, 4], events.Select(e => PoseEventJson.Parse(Encoding.UTF8.GetBytes(e.Payload)).Seq).Distinct());
        Assert.All(events, e => Assert.Equal("e2e/edge-e2e/door/poses", e.Topic));
        Assert.All(events, e => PoseEventSchemaCheck.AssertValid(e.Payload));
        var status = await sub.WaitForAsync("/status", 2);
        Assert.Contains("\"state\":\"online\"", status[0].Payload, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"offline\"", status[^1].Payload, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^capture-to-mqtt\s+\d", r.Stdout);
    }

    [RequiresMosquittoFact(clients: false, Model)]
    public async Task The_status_line_shows_the_broker_link_and_the_queue()
    {
        using var broker = MosquittoBroker.Start();
        var r = await CliRun.InProcess("run", "--model", TestPaths.FloatHeadModel, "--status-interval", "0.3", "--source", "door=test://ball", "--duration", "4", "--mqtt", broker.Uri);

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Matches(@"\| mqtt connected, \d+ queued", r.Stderr);
    }

    [Theory]
    [InlineData("mqtt//broker:1883", "{}", "Outputs:Mqtt:Broker: broker address 'mqtt//broker:1883' is not mqtt://host[:port] or mqtts://host[:port]")]
    [InlineData("mqtt://broker:1883", """{ "Outputs": { "Mqtt": { "CaFile": "/etc/edgepose-absent/ca.pem" } } }""", "Outputs:Mqtt:CaFile: is set but the broker address 'mqtt://broker:1883' is not mqtts://")]
    [InlineData("mqtts://broker:8883", """{ "Outputs": { "Mqtt": { "CaFile": "/etc/edgepose-absent/ca.pem" } } }""", "Outputs:Mqtt:CaFile: file '/etc/edgepose-absent/ca.pem' not found")]
    [InlineData("mqtts://broker:8883", """{ "Outputs": { "Mqtt": { "CertFile": "/etc/edgepose-absent/client.pem", "KeyFile": "/etc/edgepose-absent/client.key" } } }""", "Outputs:Mqtt:CertFile: file '/etc/edgepose-absent/client.pem' not found; Outputs:Mqtt:KeyFile: file '/etc/edgepose-absent/client.key' not found")]
    [InlineData("mqtt://broker:1883", """{ "Outputs": { "Mqtt": { "Qos": 0, "Spool": true } } }""", "Outputs:Mqtt:Spool: needs Qos 1 or 2 (QoS 0 events are never kept)")]
    public async Task A_bad_mqtt_setting_is_one_error_naming_its_key_before_anything_starts(string broker, string json, string says)
    {
        var r = await Run("--config", Config(json), "--source", "test://ball", "--mqtt", broker);

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Equal(["error: configuration: " + says], r.ErrorLines);
    }
}
