namespace DcMonitor.UniversalNode.Mesh
{
    /// <summary>
    /// The 16-byte device UUID of seed protocol §1.4: bytes 0–1 = DD DD (the provisioner's match prefix), bytes
    /// 2–7 = the Bluetooth device address, bytes 8–15 = 0. Managed code cannot read the Bluetooth address, so it
    /// leaves bytes 2–7 zero and the native component fills them at start (as ESP-IDF's example helper does).
    /// </summary>
    public static class DeviceUuid
    {
        /// <summary>First byte of the match prefix.</summary>
        public const byte PrefixByte = 0xDD;

        /// <summary>A new UUID with the DD DD prefix and zeros elsewhere.</summary>
        public static byte[] Create()
        {
            byte[] uuid = new byte[16];
            uuid[0] = PrefixByte;
            uuid[1] = PrefixByte;
            return uuid;
        }
    }
}
