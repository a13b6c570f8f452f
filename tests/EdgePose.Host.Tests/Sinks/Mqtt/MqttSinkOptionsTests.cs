using EdgePose.Core.Errors;
using EdgePose.Core.Events;
using EdgePose.Host.Sinks.Mqtt;

namespace EdgePose.Host.Tests.Sinks.Mqtt;

public sealed class MqttSinkOptionsTests
{
    [Theory]
    [InlineData("mqtt://broker.local", "broker.local", 1883, false)]
    [InlineData("mqtt://10.0.0.2:1884", "10.0.0.2", 1884, false)]
    [InlineData("mqtts://broker.local", "broker.local", 8883, true)]
    [InlineData("mqtts://broker.local:9999/", "broker.local", 9999, true)]
    public void Broker_addresses_are_read(string text, string host, int port, bool tls)
    {
        Assert.Equal(new MqttBrokerAddress(host, port, tls), MqttBrokerAddress.Parse(text));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("broker.local:1883", "is not mqtt://host[:port]")]
    [InlineData("http://broker.local", "is not mqtt://host[:port]")]
    [InlineData("mqtt://", "is not mqtt://host[:port]")]
    [InlineData("mqtt://broker.local:99999", "is not mqtt://host[:port]")]
    [InlineData("mqtt://broker.local/topic", "has a path or query")]
    public void A_malformed_broker_address_is_one_error_naming_it(string text, string says)
    {
        var e = Assert.Throws<InputException>(() => MqttBrokerAddress.Parse(text));
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Credentials_in_the_address_are_refused_without_showing_them()
    {
        var e = Assert.Throws<InputException>(() => MqttBrokerAddress.Parse("mqtt://user:s3cret@broker.local"));
        Assert.DoesNotContain("s3cret", e.Message, StringComparison.Ordinal);
        Assert.Contains("password file or environment", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, "edgepose", "QoS 3 is not 0, 1 or 2")]
    [InlineData(1, "edge/#", "topic prefix 'edge/#'")]
    [InlineData(1, "a//b", "topic prefix 'a//b'")]
    public void Bad_settings_are_one_error_naming_them(int qos, string prefix, string says)
    {
        var options = new MqttSinkOptions(new MqttBrokerAddress("h", 1883, false), new PoseEventOptions("d", "m")) { QualityOfService = qos, TopicPrefix = prefix };
        var e = Assert.Throws<InputException>(() => options.Validated());
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Topics_put_device_and_source_on_one_safe_level_each()
    {
        var topics = new MqttTopics("site/edgepose", "jet+1");
        Assert.Equal("site/edgepose/jet_1/status", topics.Status);
        Assert.Equal("site/edgepose/jet_1/gate_north __/poses", topics.Poses("gate/north #/"));
    }
}
