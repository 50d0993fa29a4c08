using System;
using System.Security.Cryptography;
using DcMonitor.Shared.Battery;

namespace DcMonitor.Tests.Battery
{
    /// <summary>AES-128 on one block with .NET's <see cref="Aes"/> (ECB, no padding): the tests' real cipher. Never hand-written AES.</summary>
    internal sealed class AesBlockCipher : IBlockCipher
    {
        private readonly Aes _aes = Aes.Create();

        public void EncryptBlock(byte[] key, byte[] input, byte[] output)
        {
            Check(key, input, output);
            _aes.Key = key;
            _aes.EncryptEcb(input.AsSpan(0, 16), output.AsSpan(0, 16), PaddingMode.None);
        }

        public void DecryptBlock(byte[] key, byte[] input, byte[] output)
        {
            Check(key, input, output);
            _aes.Key = key;
            _aes.DecryptEcb(input.AsSpan(0, 16), output.AsSpan(0, 16), PaddingMode.None);
        }

        /// <summary>What the reference implementations do: AES-128-CBC with a zero IV and no padding over one block.</summary>
        public static byte[] EncryptCbcZeroIv(byte[] key, byte[] plain)
        {
            using Aes aes = Aes.Create();
            aes.Key = key;
            return aes.EncryptCbc(plain, new byte[16], PaddingMode.None);
        }

        /// <summary>The reference's decryption: AES-128-CBC, zero IV, no padding.</summary>
        public static byte[] DecryptCbcZeroIv(byte[] key, byte[] block)
        {
            using Aes aes = Aes.Create();
            aes.Key = key;
            return aes.DecryptCbc(block, new byte[16], PaddingMode.None);
        }

        private static void Check(byte[] key, byte[] input, byte[] output)
        {
            if (key == null || input == null || output == null || key.Length < 16 || input.Length < 16 || output.Length < 16)
            {
                throw new ArgumentException("AES-128 on one block needs a 16-byte key and 16-byte buffers");
            }
        }
    }
}
