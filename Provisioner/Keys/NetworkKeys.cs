using DcMonitor.Shared.Storage;
using System;
using System.Text;
using DcMonitor.Provisioner.Storage;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Provisioning;

namespace DcMonitor.Provisioner.Keys
{
    /// <summary>
    /// The network's NetKey and AppKey (16 bytes each): generated once, on the provisioner's first boot, from nanoFramework's
    /// System.Random, which draws from the ESP32's hardware RNG (nf-interpreter targets/ESP32/_nanoCLR/targetRandom.cpp,
    /// esp_random), and kept on flash in two copies written once (a main file and a backup), so a torn write can never
    /// lose them. No key is a constant in the source (seed bug B30); the console shows fingerprints only.
    /// <para>File text: <c>DCM-KEYS 1</c>, <c>net &lt;hex&gt;</c>, <c>app &lt;hex&gt;</c>, <c>end &lt;fingerprint of both&gt;</c>.</para>
    /// <para>Optional static OOB authentication: a file <see cref="StaticOobPath"/> holding 1-16 bytes in hex; the provisioner
    /// uses it with devices that offer static OOB (a universal or relay node after <c>oob &lt;hex&gt;</c> on its console; the rules
    /// are <see cref="StaticOobValue"/>'s; docs/provisioning.md).</para>
    /// </summary>
    public sealed class NetworkKeys
    {
        /// <summary>Default location of the keys.</summary>
        public const string DefaultPath = "I:\\provisioner\\keys.txt";

        /// <summary>Location of the optional static OOB secret (hex).</summary>
        public const string StaticOobPath = "I:\\provisioner\\static-oob.txt";

        private const string Header = "DCM-KEYS 1";

        private NetworkKeys(byte[] netKey, byte[] appKey)
        {
            NetKey = netKey;
            AppKey = appKey;
        }

        /// <summary>The NetKey (index 0).</summary>
        public byte[] NetKey { get; private set; }

        /// <summary>The AppKey (index 0).</summary>
        public byte[] AppKey { get; private set; }

        /// <summary>The static OOB value, or null when none is configured.</summary>
        public byte[] StaticOob { get; private set; }

        /// <summary>Loads the keys at <paramref name="path"/> (or its backup), generating and saving new ones on first boot.</summary>
        public static NetworkKeys LoadOrCreate(string path, NodeLog log)
        {
            var main = new AtomicFile(path);
            var backup = new AtomicFile(path + ".bak");
            NetworkKeys keys = Parse(main.ReadMain()) ?? Parse(backup.ReadMain());
            if (keys == null)
            {
                bool existed = main.ReadMain() != null || backup.ReadMain() != null;
                var random = new Random();
                byte[] netKey = new byte[16];
                byte[] appKey = new byte[16];
                random.NextBytes(netKey);
                random.NextBytes(appKey);
                keys = new NetworkKeys(netKey, appKey);
                string text = keys.Serialize();
                main.Write(text);
                backup.Write(text);
                log.Write("keys", existed ? "key files unreadable: NEW network keys generated (nodes must be reset and provisioned again)" : "new network keys generated");
            }
            else if (Parse(main.ReadMain()) == null)
            {
                main.Write(keys.Serialize()); // the backup was needed: repair the main copy
                log.Write("keys", "main key file repaired from its backup");
            }

            keys.StaticOob = ReadStaticOob(log);
            return keys;
        }

        /// <summary>An 8-hex-digit fingerprint of a key (FNV-1a), safe to show.</summary>
        public static string Fingerprint(byte[] key)
        {
            return NodeRegistry.Checksum(NodeRegistry.Hex(key)).ToString("x8");
        }

        private string Serialize()
        {
            string body = Header + "\nnet " + NodeRegistry.Hex(NetKey) + "\napp " + NodeRegistry.Hex(AppKey) + "\n";
            return body + "end " + NodeRegistry.Checksum(body).ToString("x8") + "\n";
        }

        private static NetworkKeys Parse(string text)
        {
            if (text == null || !text.StartsWith(Header + "\n"))
            {
                return null;
            }

            int end = text.IndexOf("end ");
            if (end < 0 || text.Substring(end + 4).Trim() != NodeRegistry.Checksum(text.Substring(0, end)).ToString("x8"))
            {
                return null;
            }

            string[] lines = text.Substring(0, end).Split(new char[] { '\n' });
            if (lines.Length < 3 || !lines[1].StartsWith("net ") || !lines[2].StartsWith("app "))
            {
                return null;
            }

            try
            {
                byte[] netKey = NodeRegistry.FromHex(lines[1].Substring(4));
                byte[] appKey = NodeRegistry.FromHex(lines[2].Substring(4));
                return netKey.Length == 16 && appKey.Length == 16 ? new NetworkKeys(netKey, appKey) : null;
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        private static byte[] ReadStaticOob(NodeLog log)
        {
            string text = new AtomicFile(StaticOobPath).ReadMain();
            if (text == null)
            {
                return null;
            }

            try
            {
                byte[] value = StaticOobValue.Parse(text);
                log.Write("keys", "static OOB authentication configured (" + value.Length.ToString() + " bytes)");
                return value;
            }
            catch (ArgumentException exception)
            {
                log.Write("keys", "static OOB file ignored (" + exception.Message + "): devices are provisioned without authentication");
                return null;
            }
        }
    }
}
