namespace System.Device.I2c
{
    /// <summary>Emulation of nanoFramework.System.Device.I2c's transfer result.</summary>
    public struct I2cTransferResult
    {
        private readonly uint _bytesTransferred;
        private readonly I2cTransferStatus _status;

        internal I2cTransferResult(I2cTransferStatus status, uint bytesTransferred)
        {
            _status = status;
            _bytesTransferred = bytesTransferred;
        }

        /// <summary>Bytes moved in both phases together.</summary>
        public uint BytesTransferred => _bytesTransferred;

        /// <summary>The outcome.</summary>
        public I2cTransferStatus Status => _status;
    }
}
