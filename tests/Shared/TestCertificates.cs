using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgePose.Tests;

/// <summary>
/// A throwaway PKI made in the test with .NET's CertificateRequest (nothing committed): a CA, a server certificate
/// for 127.0.0.1 and localhost, and a client certificate, each as PEM files (ECDSA P-256 keys, PKCS#8) in
/// <see cref="Dir"/>, valid for a day.
/// </summary>
internal sealed class TestCertificates
{
    private TestCertificates(string dir) => Dir = dir;

    public string Dir { get; }

    public string CaFile => Path.Combine(Dir, "ca.pem");

    public string ServerCertFile => Path.Combine(Dir, "server.pem");

    public string ServerKeyFile => Path.Combine(Dir, "server.key");

    public string ClientCertFile => Path.Combine(Dir, "client.pem");

    public string ClientKeyFile => Path.Combine(Dir, "client.key");

    /// <summary>Writes a new CA named <paramref name="caName"/> and its server and client certificates into <paramref name="dir"/>.</summary>
    public static TestCertificates Create(string dir, string caName = "EdgePose Test CA")
    {
        Directory.CreateDirectory(dir);
        var pki = new TestCertificates(dir);
        var from = DateTimeOffset.UtcNow.AddMinutes(-5);
        var to = DateTimeOffset.UtcNow.AddDays(1);

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={caName}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(from, to);
        File.WriteAllText(pki.CaFile, ca.ExportCertificatePem());

        Issue(ca, "CN=127.0.0.1", serverAuth: true, from, to, pki.ServerCertFile, pki.ServerKeyFile);
        Issue(ca, "CN=edgepose-test-client", serverAuth: false, from, to, pki.ClientCertFile, pki.ClientKeyFile);
        return pki;
    }

    private static void Issue(X509Certificate2 ca, string subject, bool serverAuth, DateTimeOffset from, DateTimeOffset to, string certFile, string keyFile)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([Oid.FromOidValue(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2", OidGroup.EnhancedKeyUsage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = new byte[12];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        using var cert = request.Create(ca, from, to, serial);
        File.WriteAllText(certFile, cert.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
    }
}
