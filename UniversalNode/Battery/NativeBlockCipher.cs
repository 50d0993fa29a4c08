using System;
using DcMonitor.MeshInterop;
using DcMonitor.Shared.Battery;

namespace DcMonitor.UniversalNode.Battery
{
    /// <summary>
    /// <see cref="IBlockCipher"/> by ESP-IDF's mbedTLS AES through the interop (<see cref="MeshBlockCipher"/>; .NET's AES in the
    /// emulator): nanoFramework 1.x has no AES class. Stateless, any thread.
    /// </summary>
    public sealed class NativeBlockCipher : IBlockCipher
    {
        private const int BlockLength = MeshBlockCipher.BlockLength;
        private readonly object _gate = new object();
        private readonly byte[] _key = new byte[BlockLength];
        private readonly byte[] _input = new byte[BlockLength];
        private readonly byte[] _output = new byte[BlockLength];

        /// <inheritdoc/>
        /// <exception cref="InvalidOperationException">The native AES refused the block.</exception>
        public void EncryptBlock(byte[] key, byte[] input, byte[] output)
        {
            Run(true, key, input, output);
        }

        /// <inheritdoc/>
        /// <exception cref="InvalidOperationException">The native AES refused the block.</exception>
        public void DecryptBlock(byte[] key, byte[] input, byte[] output)
        {
            Run(false, key, input, output);
        }

        /// <summary>Copies the first 16 bytes of each buffer into exact-size scratch blocks (the native call takes exactly 16) and back.</summary>
        private void Run(bool encrypt, byte[] key, byte[] input, byte[] output)
        {
            if (key == null || input == null || output == null || key.Length < BlockLength || input.Length < BlockLength || output.Length < BlockLength)
            {
                throw new ArgumentException("AES-128 takes a 16-byte key, input and output (null or shorter buffers are refused)");
            }

            lock (_gate)
            {
                Array.Copy(key, _key, BlockLength);
                Array.Copy(input, _input, BlockLength);
                MeshResult result = encrypt ? MeshBlockCipher.EncryptBlock(_key, _input, _output) : MeshBlockCipher.DecryptBlock(_key, _input, _output);
                if (result != MeshResult.Ok)
                {
                    throw new InvalidOperationException("AES " + (encrypt ? "encrypt" : "decrypt") + " failed: result " + ((int)result).ToString());
                }

                Array.Copy(_output, output, BlockLength);
            }
        }
    }
}
