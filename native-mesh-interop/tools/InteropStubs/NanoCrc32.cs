namespace DcMonitor.InteropStubs
{
    /// <summary>
    /// The CRC-32 nanoFramework's MetadataProcessor uses for checksums: polynomial 0x04C11DB7, most significant bit
    /// first, no reflection, no final XOR, seed supplied by the caller (0 for native-method checksums).
    /// Check values: "123456789" from 0 → 0x89A1897F, from 0xFFFFFFFF → 0x0376E6E7.
    /// </summary>
    public static class NanoCrc32
    {
        private static readonly uint[] s_table = BuildTable();

        /// <summary>Continues <paramref name="crc"/> over <paramref name="bytes"/>.</summary>
        public static uint Compute(byte[] bytes, uint crc)
        {
            foreach (byte b in bytes)
            {
                crc = s_table[((crc >> 24) ^ b) & 0xFF] ^ (crc << 8);
            }

            return crc;
        }

        /// <summary>Continues <paramref name="crc"/> over the ASCII bytes of <paramref name="text"/>.</summary>
        public static uint Compute(string text, uint crc) => Compute(System.Text.Encoding.ASCII.GetBytes(text), crc);

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint i = 0; i < 256; i++)
            {
                uint c = i << 24;
                for (int bit = 0; bit < 8; bit++)
                {
                    c = (c & 0x80000000) != 0 ? (c << 1) ^ 0x04C11DB7 : c << 1;
                }

                table[i] = c;
            }

            return table;
        }
    }
}
