using System;
using System.Collections.Concurrent;
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
        // Every PDU sent or received names its keys: the hash of each key is computed once per process, not per PDU.
        private static readonly ConcurrentDictionary<string, int> s_ids = new ConcurrentDictionary<string, int>();

        /// <summary>Identifier of a key given in hex; 0 for none (the network of pre-provisioned demo nodes).</summary>
        public static int Id(string keyHex)
        {
            if (string.IsNullOrEmpty(keyHex))
            {
                return 0;
            }

            return s_ids.GetOrAdd(keyHex, hex => (BitConverter.ToInt32(SHA256.HashData(Convert.FromHexString(hex)), 0) & 0x7FFFFFFF) | 1);
        }

        /// <summary>A new random 16-byte key, in hex (a device key).</summary>
        public static string NewKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    }
}
