using System;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace DcMonitor.Emulator.Mqtt
{
    /// <summary>
    /// The server verification of the emulated <c>MqttClient</c>'s TLS, as the device's mbedTLS does it with the CA certificate the
    /// firmware passed (<c>uplink ca</c>): the broker's certificate must chain to that CA alone (the host's trust store plays no part;
    /// revocation is not checked, as on the device) and name the host the client connected to (DNS name or IP address in its subject
    /// alternative names). Without a CA certificate the host's trust store decides, as the device's own CA bundle would.
    /// </summary>
    internal static class ServerCertificateCheck
    {
        /// <summary>
        /// True when <paramref name="server"/> is acceptable; false with <paramref name="reason"/> (a sentence for the log) otherwise.
        /// <paramref name="errors"/> are the TLS stack's findings against the host's trust store (their name check is kept).
        /// </summary>
        public static bool Accepts(X509Certificate authority, X509Certificate server, SslPolicyErrors errors, out string reason)
        {
            reason = null;
            if (server == null)
            {
                reason = "the broker sent no certificate";
                return false;
            }

            if ((errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
            {
                reason = "the broker's certificate does not name the host connected to (" + errors + ")";
                return false;
            }

            if (authority == null)
            {
                if (errors != SslPolicyErrors.None)
                {
                    reason = "the broker's certificate is not trusted by the host's trust store and no CA certificate was given (" + errors + ")";
                    return false;
                }

                return true;
            }

            using X509Certificate2 root = X509CertificateLoader.LoadCertificate(authority.GetRawCertData());
            using X509Certificate2 leaf = X509CertificateLoader.LoadCertificate(server.GetRawCertData());
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(root);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (!chain.Build(leaf))
            {
                string status = string.Empty;
                foreach (X509ChainStatus item in chain.ChainStatus)
                {
                    status += (status.Length == 0 ? string.Empty : ", ") + item.Status;
                }

                reason = "the broker's certificate (" + leaf.Subject + ", issued by " + leaf.Issuer + ") is not signed by the configured CA ("
                    + root.Subject + "): " + status;
                return false;
            }

            return true;
        }
    }
}
