using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EdgePose.Cli.Files;
using EdgePose.Core.Errors;
using MQTTnet;

namespace EdgePose.Host.Sinks.Mqtt;

/// <summary>
/// TLS of an mqtts:// connection: the CA certificates the broker's certificate must chain to (or the system's
/// trust store), the broker's name checked against its certificate, and an optional client certificate. Files
/// are read once, before connecting: a missing or unreadable one is a one-line error naming it. When the
/// broker's certificate is refused, <see cref="Problem"/> says why in words (the log shows it).
/// </summary>
public sealed class MqttTls : IDisposable
{
    private readonly X509Certificate2Collection? _ca;
    private readonly X509Certificate2? _client;
    private readonly string? _caFile;
    private volatile string? _problem;

    private MqttTls(X509Certificate2Collection? ca, string? caFile, X509Certificate2? client)
    {
        _ca = ca;
        _caFile = caFile;
        _client = client;
    }

    /// <summary>Why the last handshake's broker certificate was refused; null when it was not.</summary>
    public string? Problem => _problem;

    /// <summary>Reads <paramref name="files"/>; an <see cref="InputException"/> names a file that is missing, empty or not PEM.</summary>
    public static MqttTls Load(MqttTlsFiles files)
    {
        X509Certificate2Collection? ca = null;
        if (files.CaFile is { } caFile)
        {
            InputFile.Require(caFile, "MQTT CA file", 1 << 20);
            ca = [];
            try
            {
                ca.ImportFromPemFile(caFile);
            }
            catch (CryptographicException e)
            {
                throw new InputException($"MQTT CA file '{caFile}' is not a PEM certificate: {e.Message}");
            }

            if (ca.Count == 0)
            {
                throw new InputException($"MQTT CA file '{caFile}' holds no PEM certificate");
            }
        }

        if (files.KeyFile is not null && files.CertFile is null)
        {
            throw new InputException($"MQTT key file '{files.KeyFile}' is given without a certificate file");
        }

        X509Certificate2? client = null;
        if (files.CertFile is { } certFile)
        {
            InputFile.Require(certFile, "MQTT certificate file", 1 << 20);
            if (files.KeyFile is { } keyFile)
            {
                InputFile.Require(keyFile, "MQTT key file", 1 << 20);
            }

            try
            {
                using var pem = X509Certificate2.CreateFromPemFile(certFile, files.KeyFile);
                // An exported and re-imported copy: a certificate whose key came from PEM is ephemeral, which some TLS stacks refuse.
                client = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            }
            catch (CryptographicException e)
            {
                throw new InputException(files.KeyFile is null
                    ? $"MQTT certificate file '{certFile}' is not a PEM certificate with its unencrypted private key (or give KeyFile): {e.Message}"
                    : $"MQTT certificate file '{certFile}' and key file '{files.KeyFile}' are not a PEM certificate and its unencrypted private key: {e.Message}");
            }
        }

        return new MqttTls(ca, files.CaFile, client);
    }

    /// <summary>The TLS options of a connection to <paramref name="host"/>.</summary>
    public MqttClientTlsOptions Options(string host)
    {
        var b = new MqttClientTlsOptionsBuilder()
            .UseTls()
            .WithTargetHost(host)
            .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
            .WithCertificateValidationHandler(Validate);
        if (_client is not null)
        {
            b = b.WithClientCertificates([_client]);
        }

        return b.Build();
    }

    /// <summary>Forgets the last refusal (before a new connection).</summary>
    public void Reset() => _problem = null;

    public void Dispose()
    {
        _client?.Dispose();
        if (_ca is not null)
        {
            foreach (var c in _ca)
            {
                c.Dispose();
            }
        }
    }

    private bool Validate(MqttClientCertificateValidationEventArgs e)
    {
        var errors = e.SslPolicyErrors;
        if ((errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0 || e.Certificate is null)
        {
            _problem = "the broker sent no certificate";
            return false;
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            _problem = $"the broker's certificate ({e.Certificate.Subject}) is not for the host name in the broker address";
            return false;
        }

        if (_ca is null)
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            _problem = $"the broker's certificate ({e.Certificate.Subject}) is not trusted by the system's CA certificates ({ChainStatus(e.Chain)}); give the broker's CA as CaFile";
            return false;
        }

        // Trusted when it chains to a certificate of the CA file (the system's store plays no part).
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (e.Chain is not null)
        {
            foreach (var element in e.Chain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = X509CertificateLoader.LoadCertificate(e.Certificate.GetRawCertData());
        if (chain.Build(leaf))
        {
            return true;
        }

        _problem = $"the broker's certificate ({leaf.Subject}, issued by {leaf.Issuer}) is not signed by a CA in the CA file '{_caFile}' ({ChainStatus(chain)})";
        return false;
    }

    private static string ChainStatus(X509Chain? chain) =>
        chain is null || chain.ChainStatus.Length == 0 ? "no chain" : string.Join(", ", chain.ChainStatus.Select(s => s.Status).Distinct());

    /// <summary>A failed connect in words when TLS was the cause; null otherwise.</summary>
    public string? Explain(Exception e)
    {
        if (_problem is { } problem)
        {
            return "TLS: " + problem;
        }

        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is AuthenticationException)
            {
                return "TLS handshake failed (the broker may have refused the client certificate, or speak no TLS): " + x.Message;
            }
        }

        return null;
    }
}
