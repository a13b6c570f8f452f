using System.CommandLine;
using EdgePose.Core.Errors;
using EdgePose.Host.Events;
using EdgePose.Host.Sinks.Mqtt;

namespace EdgePose.Host.Commands;

/// <summary>`edgepose events`: subscribe to a broker and print or record pose events as JSON Lines, for debugging and tests.</summary>
public static class EventsCommand
{
    public const string PasswordVariable = "EDGEPOSE_MQTT_PASSWORD";

    public static Command Create()
    {
        var broker = new Option<string>("--broker", "-b") { Description = "The broker: mqtt://host[:port] or mqtts://host[:port]", DefaultValueFactory = _ => "mqtt://127.0.0.1:1883" };
        var topic = new Option<string[]>("--topic", "-t") { Description = "Topic filter (repeat for several); default: every device's and source's poses, and the status" };
        var output = new Option<string?>("--out", "-o") { Description = "Append the messages to this JSON Lines file instead of stdout" };
        var count = new Option<long?>("--count", "-n") { Description = "Stop after this many messages" };
        var duration = new Option<double?>("--duration") { Description = "Stop after this many seconds" };
        var withTopic = new Option<bool>("--with-topic") { Description = "Wrap each message with its topic, retain flag and arrival time" };
        var username = new Option<string?>("--username", "-u") { Description = $"User name; the password comes from {PasswordVariable} or --password-file, never from the command line" };
        var passwordFile = new Option<string?>("--password-file") { Description = "A file whose first line is the password" };
        var ca = new Option<string?>("--ca-file") { Description = "CA certificates (PEM) that sign the broker's certificate (mqtts://)" };
        var cert = new Option<string?>("--cert-file") { Description = "Client certificate (PEM) for mqtts://" };
        var key = new Option<string?>("--key-file") { Description = "Client certificate's private key (PEM)" };
        var cmd = new Command("events", "Subscribe to a broker and print or record pose events as JSON Lines")
        {
            broker, topic, output, count, duration, withTopic, username, passwordFile, ca, cert, key,
        };
        cmd.SetAction((parse, ct) =>
        {
            var address = MqttBrokerAddress.Parse(parse.GetRequiredValue(broker), "--broker");
            var topics = parse.GetValue(topic) is { Length: > 0 } t ? t : ["edgepose/+/+/poses", "edgepose/+/status"];
            if (parse.GetValue(count) is <= 0)
            {
                throw new InputException($"--count {parse.GetValue(count)} must be at least 1");
            }

            if (parse.GetValue(duration) is <= 0)
            {
                throw new InputException($"--duration {parse.GetValue(duration)} must be more than 0 seconds");
            }

            var files = new MqttTlsFiles(parse.GetValue(ca), parse.GetValue(cert), parse.GetValue(key));
            if (!files.IsEmpty && !address.UseTls)
            {
                throw new InputException($"--ca-file, --cert-file and --key-file need an mqtts:// broker, not {address}");
            }

            var request = new EventsRequest(address, topics)
            {
                Tls = files,
                Username = parse.GetValue(username),
                Password = Password(parse.GetValue(passwordFile)),
                OutputFile = parse.GetValue(output),
                Count = parse.GetValue(count),
                Duration = parse.GetValue(duration) is { } d ? TimeSpan.FromSeconds(d) : null,
                WithTopic = parse.GetValue(withTopic),
            };
            return EventsSubscriber.RunAsync(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct);
        });
        return cmd;
    }

    private static string? Password(string? file)
    {
        if (file is not null)
        {
            EdgePose.Cli.Files.InputFile.Require(file, "--password-file");
            return File.ReadLines(file).FirstOrDefault()?.TrimEnd('\r') ?? string.Empty;
        }

        return Environment.GetEnvironmentVariable(PasswordVariable);
    }
}
