namespace DcMonitor.Shared.Uplink
{
    /// <summary>32-bit little-endian fields of the uplink's byte formats (mesh messages, readings, flash files).</summary>
    public static class LittleEndian
    {
        /// <summary>The unsigned 32-bit value at <paramref name="offset"/> (4 bytes, least significant first).</summary>
        public static uint Read32(byte[] bytes, int offset)
        {
            return (uint)(bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16)) | ((uint)bytes[offset + 3] << 24);
        }

        /// <summary>Writes <paramref name="value"/> at <paramref name="offset"/> (4 bytes, least significant first).</summary>
        public static void Write32(byte[] bytes, int offset, uint value)
        {
            bytes[offset] = (byte)value;
            bytes[offset + 1] = (byte)(value >> 8);
            bytes[offset + 2] = (byte)(value >> 16);
            bytes[offset + 3] = (byte)(value >> 24);
        }
    }
}
