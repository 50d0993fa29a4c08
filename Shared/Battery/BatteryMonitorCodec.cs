using System;
using DcMonitor.Shared.Provisioning;

namespace DcMonitor.Shared.Battery
{
    /// <summary>
    /// The BM6 protocol's two blocks (docs/battery-monitor.md, docs/reference/anchors.md §4), both one AES-128 block with the
    /// family key (ECB on one block, equal to the devices' CBC with a zero IV):
    /// <list type="bullet">
    /// <item>the poll command, plaintext <c>d1 55 07 00 …</c> (16 bytes), encrypted and written to 0xFFF3;</item>
    /// <item>the response notified on 0xFFF4, decrypted: bytes 0–2 <c>d1 55 07</c>; byte 3 temperature sign (<c>00</c>
    /// positive, <c>01</c> negative, anything else is refused); byte 4 temperature magnitude, °C; byte 6 state of charge,
    /// % (0–100); voltage = ((byte 7 &amp; 0x0F) &lt;&lt; 8 | byte 8) centivolts. Byte 5 and the high nibble of byte 7 are
    /// not known and are ignored.</item>
    /// </list>
    /// A response that is not 16 bytes, whose decrypted header is not <c>d1 55 07</c> (a wrong key, another device) or
    /// whose values are out of range is refused with <see cref="LastError"/> naming its bytes in hex — never a made-up
    /// reading. Buffers are made once: encoding the poll and decoding a good response allocate nothing (only an error's
    /// text is built). Not thread-safe: one owner (the reader on the worker thread).
    /// </summary>
    public sealed class BatteryMonitorCodec
    {
        /// <summary>Length of every block, bytes.</summary>
        public const int BlockLength = 16;

        /// <summary>First byte of a command and of its response.</summary>
        public const byte HeaderByte0 = 0xD1;

        /// <summary>Second byte of a command and of its response.</summary>
        public const byte HeaderByte1 = 0x55;

        /// <summary>Command byte of the poll ("read voltage, state of charge, temperature") and of its response.</summary>
        public const byte PollCommand = 0x07;


        private readonly IBlockCipher _cipher;
        private readonly byte[] _key = new byte[BatteryMonitorKey.Length];
        private readonly byte[] _plain = new byte[BlockLength];
        private readonly byte[] _received = new byte[BlockLength];

        /// <summary>A codec using <paramref name="cipher"/> with a copy of <paramref name="key"/> (16 bytes, <see cref="BatteryMonitorKey"/>).</summary>
        /// <exception cref="ArgumentNullException">cipher or key is null.</exception>
        /// <exception cref="ArgumentException">key is not 16 bytes.</exception>
        public BatteryMonitorCodec(IBlockCipher cipher, byte[] key)
        {
            if (cipher == null)
            {
                throw new ArgumentNullException("cipher");
            }

            if (key == null)
            {
                throw new ArgumentNullException("key");
            }

            if (key.Length != BatteryMonitorKey.Length)
            {
                throw new ArgumentException("a BM6 key has 16 bytes, not " + key.Length.ToString());
            }

            _cipher = cipher;
            Array.Copy(key, _key, BatteryMonitorKey.Length);
        }

        /// <summary>Why the last <see cref="TryDecode"/> refused its block (null after a good one).</summary>
        public string LastError { get; private set; }

        /// <summary>Writes the encrypted poll command into <paramref name="destination"/>[0..16).</summary>
        /// <exception cref="ArgumentException">destination is null or shorter than 16 bytes.</exception>
        public void WritePoll(byte[] destination)
        {
            if (destination == null || destination.Length < BlockLength)
            {
                throw new ArgumentException("the poll block needs 16 bytes");
            }

            Array.Clear(_plain, 0, BlockLength);
            _plain[0] = HeaderByte0;
            _plain[1] = HeaderByte1;
            _plain[2] = PollCommand;
            _cipher.EncryptBlock(_key, _plain, destination);
        }

        /// <summary>
        /// Decrypts and checks <paramref name="length"/> bytes of <paramref name="data"/> (a 0xFFF4 notification) into
        /// <paramref name="into"/>; false, <paramref name="into"/> unchanged and <see cref="LastError"/> set when the block is refused.
        /// </summary>
        /// <exception cref="ArgumentNullException">data or into is null.</exception>
        public bool TryDecode(byte[] data, int length, BatteryReading into)
        {
            if (data == null)
            {
                throw new ArgumentNullException("data");
            }

            if (into == null)
            {
                throw new ArgumentNullException("into");
            }

            if (length != BlockLength || length > data.Length)
            {
                LastError = "BM6 response of " + length.ToString() + " bytes, not 16: " + NodeRegistry.Hex(data, 0, length < data.Length ? length : data.Length);
                return false;
            }

            Array.Copy(data, _received, BlockLength);
            _cipher.DecryptBlock(_key, _received, _plain);
            if (_plain[0] != HeaderByte0 || _plain[1] != HeaderByte1 || _plain[2] != PollCommand)
            {
                return Refuse("header is not d15507 (wrong key: 'bm6 use <address> bm6|bm7' chooses it; or not a BM6 poll response)");
            }

            int sign = _plain[3];
            if (sign > 1)
            {
                return Refuse("temperature sign byte " + NodeRegistry.Hex(_plain, 3, 1) + " is neither 00 nor 01");
            }

            int stateOfCharge = _plain[6];
            if (stateOfCharge > 100)
            {
                return Refuse("state of charge " + stateOfCharge.ToString() + " % is above 100");
            }

            int temperature = sign == 1 ? -_plain[4] : _plain[4];
            int voltage = ((_plain[7] & 0x0F) << 8) | _plain[8];
            into.Set(voltage, stateOfCharge, temperature);
            LastError = null;
            return true;
        }

        private bool Refuse(string reason)
        {
            LastError = "BM6 response " + NodeRegistry.Hex(_received, 0, BlockLength) + " decrypts to " + NodeRegistry.Hex(_plain, 0, BlockLength) + ": " + reason;
            return false;
        }
    }
}
