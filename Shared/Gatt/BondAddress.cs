using System;
using DcMonitor.Shared.Provisioning;

namespace DcMonitor.Shared.Gatt
{
    /// <summary>
    /// A bonded central's identity address as the native component lists it: a 7-byte record, byte 0 the address type
    /// (0 public, 1 random static; NimBLE's <c>ble_addr_t.type</c>), bytes 1–6 the address least significant byte first
    /// (<c>ble_addr_t.val</c>); on the console as <c>AA:BB:CC:DD:EE:FF</c>, most significant byte first, as BlueZ and
    /// <c>bluetoothctl</c> print it.
    /// </summary>
    public static class BondAddress
    {
        /// <summary>Bytes of a bond record.</summary>
        public const int RecordLength = 7;

        /// <summary>Bytes of an address.</summary>
        public const int AddressLength = 6;

        /// <summary>Characters of the text form (<c>AA:BB:CC:DD:EE:FF</c>).</summary>
        public const int TextLength = 17;

        private const string HexDigits = "0123456789ABCDEF";

        /// <summary>The text form of the record's address, with <c> (random)</c> after a random static address.</summary>
        /// <exception cref="ArgumentException">The record is shorter than <see cref="RecordLength"/>.</exception>
        public static string Format(byte[] record)
        {
            if (record == null || record.Length < RecordLength)
            {
                throw new ArgumentException("a bond record has " + RecordLength.ToString() + " bytes");
            }

            char[] text = new char[TextLength];
            for (int i = 0; i < AddressLength; i++)
            {
                byte value = record[RecordLength - 1 - i];
                text[i * 3] = HexDigits[value >> 4];
                text[(i * 3) + 1] = HexDigits[value & 0x0F];
                if (i < AddressLength - 1)
                {
                    text[(i * 3) + 2] = ':';
                }
            }

            string address = new string(text);
            return record[0] == 0 ? address : address + " (random)";
        }

        /// <summary>
        /// Parses <c>AA:BB:CC:DD:EE:FF</c> (hex digits of either case) into the record's address bytes
        /// (<paramref name="address"/>[0] = least significant); false for any other text.
        /// </summary>
        public static bool TryParse(string text, byte[] address)
        {
            if (text == null || text.Length != TextLength || address == null || address.Length < AddressLength)
            {
                return false;
            }

            for (int i = 0; i < AddressLength; i++)
            {
                int high = NodeRegistry.HexDigitValue(text[i * 3]);
                int low = NodeRegistry.HexDigitValue(text[(i * 3) + 1]);
                if (high < 0 || low < 0 || (i < AddressLength - 1 && text[(i * 3) + 2] != ':'))
                {
                    return false;
                }

                address[AddressLength - 1 - i] = (byte)((high << 4) | low);
            }

            return true;
        }

        /// <summary>True when the record's address bytes equal <paramref name="address"/> (either address type).</summary>
        public static bool Matches(byte[] record, byte[] address)
        {
            for (int i = 0; i < AddressLength; i++)
            {
                if (record[i + 1] != address[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
