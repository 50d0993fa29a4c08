using System.Security.Cryptography;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Peripherals;
using DcMonitor.Tests.Support;

namespace DcMonitor.Tests.Battery
{
    /// <summary>
    /// What the battery monitor tests share: a virtual BM6 ("bm6-0") on an air whose battery monitor links run on a clock the test
    /// moves, the poll command, and the BM6 key's AES (.NET's, independent of the code under test) to build commands and read responses.
    /// </summary>
    internal sealed class Bm6Bench
    {
        /// <summary>One second on the air clock, µs.</summary>
        public const long Second = 1_000_000;

        /// <summary>The virtual BM6's address, least significant byte first.</summary>
        public static readonly byte[] MonitorAddress = { 0x5A, 0x4B, 0x3C, 0x2D, 0x1E, 0xA4 };

        /// <summary>The BM6 poll command in plain text.</summary>
        public static readonly byte[] Poll = { 0xD1, 0x55, 0x07, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };

        public Bm6Bench()
        {
            Monitor.PlaceOn(Air);
        }

        public ManualAirClock Clock { get; } = new ManualAirClock();

        public VirtualAir Air { get; } = new VirtualAir();

        public VirtualBatteryMonitor Monitor { get; } = new VirtualBatteryMonitor(MonitorAddress, "bm6-0");

        /// <summary>The stack of <paramref name="board"/> on the bench's air as <paramref name="radioName"/>, its central on the bench's clock (not started).</summary>
        public EmulatedMeshStack Attach(VirtualBoard board, string radioName)
        {
            EmulatedMeshStack stack = EmulatedMeshStack.For(board);
            stack.RadioName = radioName;
            stack.BatteryMonitorCentral.Clock = Clock;
            stack.AttachTo(Air);
            return stack;
        }

        public static byte[] Encrypt(byte[] plain)
        {
            using Aes aes = Aes.Create();
            aes.Key = VirtualBatteryMonitor.Bm6Key;
            return aes.EncryptEcb(plain, PaddingMode.None);
        }

        public static byte[] Decrypt(byte[] cipher)
        {
            using Aes aes = Aes.Create();
            aes.Key = VirtualBatteryMonitor.Bm6Key;
            return aes.DecryptEcb(cipher, PaddingMode.None);
        }

        /// <summary>The voltage field of a decrypted response, 10 mV units.</summary>
        public static int Centivolts(byte[] plain) => ((plain[7] & 0x0F) << 8) | plain[8];
    }
}
