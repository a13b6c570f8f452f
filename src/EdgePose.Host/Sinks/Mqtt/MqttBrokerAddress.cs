using System.Globalization;
using EdgePose.Core.Errors;

namespace EdgePose.Host.Sinks.Mqtt;

/// <summary>
/// Where the broker is: "mqtt://host[:port]" (default port 1883) or "mqtts://host[:port]" (TLS, default 8883).
/// Anything else, user info in the URL, a path, or a port outside 1..65535 is a one-line error naming it
/// (credentials come from a file or the environment, never from the URL).
/// </summary>
public sealed record MqttBrokerAddress(string Host, int Port, bool UseTls)
{
    public static MqttBrokerAddress Parse(string text, string what = "MQTT broker")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InputException($"{what} address is empty; expected mqtt://host:port");
        }

        string Shown() => text.Contains('@', StringComparison.Ordinal) ? "(hidden: it holds credentials)" : $"'{text}'";
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("mqtt" or "mqtts") || uri.Host.Length == 0)
        {
            throw new InputException($"{what} address {Shown()} is not mqtt://host[:port] or mqtts://host[:port]");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw new InputException($"{what} address {Shown()} holds a user name or password; give them in the password file or environment instead");
        }

        if (uri.AbsolutePath is not ("" or "/") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new InputException($"{what} address '{text}' has a path or query; expected mqtt://host[:port]");
        }

        bool tls = uri.Scheme == "mqtts";
        int port = uri.IsDefaultPort || uri.Port < 0 ? (tls ? 8883 : 1883) : uri.Port;
        if (port is < 1 or > 65535)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{what} address '{text}' has port {port}, outside 1..65535"));
        }

        return new MqttBrokerAddress(uri.IdnHost, port, tls);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(UseTls ? "mqtts" : "mqtt")}://{Host}:{Port}");
}
