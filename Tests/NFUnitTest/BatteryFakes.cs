using System.Collections;
using DcMonitor.Shared.Battery;
using DcMonitor.Shared.Provisioning;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// A stand-in for AES in the tests that run on nanoCLR (which has no AES class): output = input XOR key, its own inverse.
    /// It exercises everything around the cipher — which bytes go in, which come out — and nothing of AES itself; the real
    /// AES is checked by the host tests (Tests/Host/Battery, .NET's AES).
    /// </summary>
    public sealed class XorBlockCipher : IBlockCipher
    {
        public int Encryptions { get; private set; }

        public int Decryptions { get; private set; }

        public void EncryptBlock(byte[] key, byte[] input, byte[] output)
        {
            Encryptions++;
            Xor(key, input, output);
        }

        public void DecryptBlock(byte[] key, byte[] input, byte[] output)
        {
            Decryptions++;
            Xor(key, input, output);
        }

        private static void Xor(byte[] key, byte[] input, byte[] output)
        {
            for (int i = 0; i < 16; i++)
            {
                output[i] = (byte)(input[i] ^ key[i]);
            }
        }

        /// <summary>The "encrypted" response a BM6 would notify for these plaintext bytes (16), with the BM6 key.</summary>
        public static byte[] Response(byte[] plain)
        {
            return Response(plain, BatteryMonitorKey.Bm6());
        }

        /// <summary>The "encrypted" response for these plaintext bytes (16) under <paramref name="key"/> (a BM7's: <see cref="BatteryMonitorKey.Bm7"/>).</summary>
        public static byte[] Response(byte[] plain, byte[] key)
        {
            byte[] block = new byte[16];
            Xor(key, plain, block);
            return block;
        }

        /// <summary>A plaintext poll response: header d1 55 07, sign, temperature, byte 5, SoC, voltage in bytes 7 (low nibble) and 8.</summary>
        public static byte[] Plain(int sign, int temperature, int stateOfCharge, int voltageCentivolts, int highNibbleOfByte7)
        {
            byte[] plain = new byte[16];
            plain[0] = 0xD1;
            plain[1] = 0x55;
            plain[2] = 0x07;
            plain[3] = (byte)sign;
            plain[4] = (byte)temperature;
            plain[6] = (byte)stateOfCharge;
            plain[7] = (byte)((highNibbleOfByte7 << 4) | (voltageCentivolts >> 8));
            plain[8] = (byte)(voltageCentivolts & 0xFF);
            return plain;
        }
    }

    /// <summary>A link that records the reader's calls and lets the test raise its events.</summary>
    public sealed class ScriptedBatteryLink : IBatteryMonitorLink
    {
        public ScriptedBatteryLink()
        {
            Calls = new ArrayList();
            AcceptConnect = true;
            AcceptWrite = true;
            AcceptScan = true;
        }

        public event BatteryMonitorLinkEventHandler LinkEvent;

        /// <summary>"scan 10000", "connect 05:00:00:67:CF:2C type 0", "write d155…" (the written block in hex), "disconnect".</summary>
        public ArrayList Calls { get; }

        public bool AcceptConnect { get; set; }

        public bool AcceptWrite { get; set; }

        public bool AcceptScan { get; set; }

        public byte[] LastWritten { get; private set; }

        public bool StartScan(int durationMilliseconds)
        {
            Calls.Add("scan " + durationMilliseconds.ToString());
            return AcceptScan;
        }

        public bool Connect(byte[] address, int addressType, int timeoutMilliseconds)
        {
            Calls.Add("connect " + NodeRegistry.Hex(address, 0, 6) + " type " + addressType.ToString() + " timeout " + timeoutMilliseconds.ToString());
            return AcceptConnect;
        }

        public bool Write(byte[] block)
        {
            LastWritten = (byte[])block.Clone();
            Calls.Add("write " + NodeRegistry.Hex(block, 0, block.Length));
            return AcceptWrite;
        }

        public void Disconnect()
        {
            Calls.Add("disconnect");
        }

        /// <summary>Raises an event as the interop thread would (through the pump when one subscribed).</summary>
        public void Raise(BatteryMonitorLinkEvent linkEvent)
        {
            BatteryMonitorLinkEventHandler handler = LinkEvent;
            if (handler != null)
            {
                handler(linkEvent);
            }
        }

        /// <summary>A new event of <paramref name="kind"/>.</summary>
        public static BatteryMonitorLinkEvent Event(BatteryMonitorLinkEventKind kind)
        {
            BatteryMonitorLinkEvent linkEvent = new BatteryMonitorLinkEvent();
            linkEvent.Kind = kind;
            return linkEvent;
        }

        /// <summary>A notification carrying <paramref name="block"/>.</summary>
        public static BatteryMonitorLinkEvent Notification(byte[] block)
        {
            BatteryMonitorLinkEvent linkEvent = Event(BatteryMonitorLinkEventKind.Notification);
            System.Array.Copy(block, linkEvent.Data, block.Length);
            linkEvent.DataLength = block.Length;
            return linkEvent;
        }

        /// <summary>A failure of <paramref name="failure"/> with stack error <paramref name="value"/>.</summary>
        public static BatteryMonitorLinkEvent Failed(BatteryMonitorLinkFailure failure, int value)
        {
            BatteryMonitorLinkEvent linkEvent = Event(BatteryMonitorLinkEventKind.Failed);
            linkEvent.Failure = failure;
            linkEvent.Value = value;
            return linkEvent;
        }
    }
}
