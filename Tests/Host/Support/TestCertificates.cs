using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace DcMonitor.Tests.Support
{
    /// <summary>
    /// A test certificate authority made in the test (ECDSA P-256, valid from an hour ago for a day) and server certificates it signs
    /// for a TLS broker on 127.0.0.1 / localhost: what an owner makes with openssl for a home broker, without files or openssl.
    /// </summary>
    public sealed class TestCertificates : IDisposable
    {
        private readonly ECDsa _authorityKey;

        /// <summary>A new authority named <paramref name="name"/>.</summary>
        public TestCertificates(string name)
        {
            _authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=" + name, _authorityKey, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            Authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        }

        /// <summary>The authority's certificate (with its key).</summary>
        public X509Certificate2 Authority { get; }

        /// <summary>The authority's certificate as PEM, as the owner pastes it after <c>uplink ca</c>.</summary>
        public string AuthorityPem => Authority.ExportCertificatePem();

        /// <summary>The authority's certificate as the firmware holds it after the paste: made from the PEM text (nanoFramework's
        /// <c>X509Certificate(byte[])</c> takes PEM; MqttSession.Connect).</summary>
        public X509Certificate Pasted()
        {
#pragma warning disable SYSLIB0057 // the firmware's constructor
            return new X509Certificate(Encoding.UTF8.GetBytes(AuthorityPem));
#pragma warning restore SYSLIB0057
        }

        /// <summary>
        /// A server certificate signed by this authority, with its private key, naming <paramref name="hostName"/> and, unless
        /// <paramref name="loopbackAddress"/> is false, 127.0.0.1.
        /// </summary>
        public X509Certificate2 IssueServer(string hostName = "localhost", bool loopbackAddress = true)
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=" + hostName, key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName(hostName);
            if (loopbackAddress)
            {
                names.AddIpAddress(IPAddress.Loopback);
            }

            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            byte[] serial = new byte[8];
            RandomNumberGenerator.Fill(serial);
            using X509Certificate2 issued = request.Create(Authority, DateTimeOffset.UtcNow.AddMinutes(-59), DateTimeOffset.UtcNow.AddHours(23), serial);
            using X509Certificate2 withKey = issued.CopyWithPrivateKey(key);
            return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null); // a persisted key, as SslStream wants on every platform
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            Authority.Dispose();
            _authorityKey.Dispose();
        }
    }
}
