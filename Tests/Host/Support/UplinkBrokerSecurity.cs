using System.Security.Cryptography.X509Certificates;
using Xunit;

namespace DcMonitor.Tests.Support
{
    /// <summary>
    /// What a broker on the Internet asks of the uplink (issue 17 part 4), for <see cref="UplinkMesh"/>: TLS with a server certificate
    /// from <see cref="Authority"/>, a user name and a password; and how an owner gives them to a node on its console.
    /// </summary>
    public sealed class UplinkBrokerSecurity
    {
        public UplinkBrokerSecurity(TestCertificates authority, string user, string password)
        {
            Authority = authority;
            User = user;
            Password = password;
        }

        /// <summary>The CA that signs the broker's certificate and that the nodes are given.</summary>
        public TestCertificates Authority { get; }

        public string User { get; }

        public string Password { get; }

        /// <summary>The CA as the firmware holds it: made from the pasted PEM text.</summary>
        public X509Certificate PastedAuthority() => Authority.Pasted();

        /// <summary>Types <c>uplink tls on</c>, the CA paste, <c>uplink mqtt-user</c> and <c>uplink mqtt-password</c> and checks every answer.</summary>
        public void Configure(NodeConsole console)
        {
            Assert.StartsWith("uplink: tls=on", console.Ask("uplink tls on"));
            PasteAuthority(console, Authority);
            Assert.StartsWith("uplink: mqtt-user=" + User, console.Ask("uplink mqtt-user " + User));
            Assert.StartsWith("uplink: mqtt-password=(set)", console.Ask("uplink mqtt-password " + Password));
        }

        /// <summary>Pastes <paramref name="authority"/>'s certificate after <c>uplink ca</c>, line by line as a terminal sends it.</summary>
        public static void PasteAuthority(NodeConsole console, TestCertificates authority)
        {
            Assert.StartsWith("paste the PEM certificate", console.Ask("uplink ca"));
            string[] lines = authority.AuthorityPem.Replace("\r", string.Empty).Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < lines.Length - 1; i++)
            {
                console.Type(lines[i]);
            }

            Assert.StartsWith("uplink: ca=(set, ", console.Ask(lines[lines.Length - 1]));
        }
    }
}
