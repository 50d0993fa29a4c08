using DcMonitor.MeshInterop.Native;

namespace DcMonitor.MeshInterop
{
    /// <summary>
    /// AES-128 on one 16-byte block (FIPS-197) by ESP-IDF's mbedTLS through the interop (the ESP32-C6's AES peripheral):
    /// nanoFramework 1.x has no AES class and this project carries no hand-written cipher. Used for the BM6 battery
    /// monitor's command and response (issue 18). Stateless; any thread.
    /// </summary>
    public static class MeshBlockCipher
    {
        /// <summary>Bytes of a block and of the key.</summary>
        public const int BlockLength = 16;

        /// <summary>Encrypts <paramref name="input"/> with <paramref name="key"/> into <paramref name="output"/> (each exactly 16 bytes);
        /// <see cref="MeshResult.InvalidArgument"/> otherwise, <see cref="MeshResult.Failed"/> when mbedTLS refused.</summary>
        public static MeshResult EncryptBlock(byte[] key, byte[] input, byte[] output)
        {
            return Run(true, key, input, output);
        }

        /// <summary>Decrypts <paramref name="input"/> with <paramref name="key"/> into <paramref name="output"/>; results as <see cref="EncryptBlock"/>.</summary>
        public static MeshResult DecryptBlock(byte[] key, byte[] input, byte[] output)
        {
            return Run(false, key, input, output);
        }

        private static MeshResult Run(bool encrypt, byte[] key, byte[] input, byte[] output)
        {
            if (key == null || input == null || output == null || key.Length != BlockLength || input.Length != BlockLength || output.Length != BlockLength)
            {
                return MeshResult.InvalidArgument;
            }

            return (MeshResult)NativeMesh.AesBlock(encrypt, key, input, output);
        }
    }
}
