namespace DcMonitor.Shared.Battery
{
    /// <summary>
    /// AES-128 on one 16-byte block (FIPS-197), the BM6 protocol's only cipher use (ECB on one block equals its CBC with a
    /// zero IV). On the device: ESP-IDF's mbedTLS through the native interop (nanoFramework 1.x has no AES class); in the
    /// emulator: .NET's AES. No hand-written AES in this project.
    /// </summary>
    public interface IBlockCipher
    {
        /// <summary>Encrypts <paramref name="input"/>[0..16) with the 16-byte <paramref name="key"/> into <paramref name="output"/>[0..16).</summary>
        /// <exception cref="System.ArgumentException">A buffer is null or shorter than 16 bytes.</exception>
        void EncryptBlock(byte[] key, byte[] input, byte[] output);

        /// <summary>Decrypts <paramref name="input"/>[0..16) with the 16-byte <paramref name="key"/> into <paramref name="output"/>[0..16).</summary>
        /// <exception cref="System.ArgumentException">A buffer is null or shorter than 16 bytes.</exception>
        void DecryptBlock(byte[] key, byte[] input, byte[] output);
    }
}
