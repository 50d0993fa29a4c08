using System.Security.Cryptography;

namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// The emulated native AES block (native/esp/dcm_aes_block.c, mbedTLS on the device): AES-128 on one 16-byte block with
    /// .NET's <see cref="Aes"/> in ECB mode without padding. Same arguments and results as the InternalCall AesBlock. Stateless, thread-safe.
    /// </summary>
    public static class EmulatedBlockCipher
    {
        /// <summary>Bytes of the key and of a block.</summary>
        public const int BlockLength = 16;

        /// <summary>Encrypts or decrypts <paramref name="input"/> with <paramref name="key"/> into <paramref name="output"/>; InvalidArgument unless all are 16 bytes.</summary>
        public static int Block(bool encrypt, byte[] key, byte[] input, byte[] output)
        {
            if (key.Length != BlockLength || input.Length != BlockLength || output.Length != BlockLength)
            {
                return NativeContract.InvalidArgument;
            }

            using Aes aes = Aes.Create();
            aes.Key = key;
            byte[] result = encrypt ? aes.EncryptEcb(input, PaddingMode.None) : aes.DecryptEcb(input, PaddingMode.None);
            result.CopyTo(output, 0);
            return NativeContract.Ok;
        }
    }
}
