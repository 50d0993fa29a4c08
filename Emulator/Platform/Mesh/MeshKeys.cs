using System;
using System.Security.Cryptography;

namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// Keys of the emulated mesh. The virtual air does not encrypt; instead every PDU names the key it would be encrypted
    /// with by a short identifier (as a real network PDU carries the NetKey's NID and an access message the AppKey's AID),
    /// and a node without that key drops it, as it would fail to decrypt it.
    /// </summary>
    public static class MeshKeys
    {
        /// <summary>Identifier of a key given in hex; 0 for none (the network of pre-provisioned demo nodes).</summary>
        public static int Id(string keyHex)
        {
            if (string.IsNullOrEmpty(keyHex))
            {
                return 0;
            }

            byte[] hash = SHA256.HashData(Convert.FromHexString(keyHex));
            return (BitConverter.ToInt32(hash, 0) & 0x7FFFFFFF) | 1;
        }

        /// <summary>A new random 16-byte key, in hex (a device key).</summary>
        public static string NewKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    }
}
