using DcMonitor.Emulator.Board;

namespace System.Device.I2c
{
    /// <summary>
    /// Emulation of nanoFramework.System.Device.I2c's <c>I2cDevice</c> on the active virtual board.
    /// As on an ESP32: the controller reaches a target only through the pins its I2C1 DATA/CLOCK signals
    /// were routed to with <c>Configuration.SetPinFunction</c>; an absent target reports
    /// <see cref="I2cTransferStatus.SlaveAddressNotAcknowledged"/> (no exception).
    /// </summary>
    public class I2cDevice : IDisposable
    {
        private readonly VirtualBoard _board;
        private bool _disposed;

        /// <summary>Opens a device on a bus.</summary>
        /// <exception cref="ArgumentException">The bus does not exist on the ESP32-C6 (only bus 1) or the address is not 7-bit.</exception>
        public I2cDevice(I2cConnectionSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (settings.BusId != 1)
            {
                throw new ArgumentException("I2C bus " + settings.BusId + " does not exist on the ESP32-C6 (bus 1 only).");
            }

            if (settings.DeviceAddress < 0 || settings.DeviceAddress > 0x7F)
            {
                throw new ArgumentException("I2C address " + settings.DeviceAddress + " is not a 7-bit address.");
            }

            _board = VirtualBoard.Current;
            ConnectionSettings = settings;
        }

        /// <summary>The settings the device was opened with.</summary>
        public I2cConnectionSettings ConnectionSettings { get; }

        /// <summary>Opens a device on a bus.</summary>
        public static I2cDevice Create(I2cConnectionSettings settings) => new I2cDevice(settings);

        /// <summary>Reads one byte (the transfer status is not reported, as in nanoFramework).</summary>
        public byte ReadByte()
        {
            long begin = EmulatedNativeAllocations.Begin();
            byte[] one = new byte[1];
            EmulatedNativeAllocations.End(begin);
            Read(one);
            return one[0];
        }

        /// <summary>Writes one byte.</summary>
        public I2cTransferResult WriteByte(byte value)
        {
            long begin = EmulatedNativeAllocations.Begin();
            byte[] one = new byte[] { value };
            EmulatedNativeAllocations.End(begin);
            return Write(one);
        }

        /// <summary>Reads <c>buffer.Length</c> bytes.</summary>
        public I2cTransferResult Read(SpanByte buffer) => WriteRead(SpanByte.Empty, buffer);

        /// <summary>Writes <c>buffer.Length</c> bytes.</summary>
        public I2cTransferResult Write(SpanByte buffer) => WriteRead(buffer, SpanByte.Empty);

        /// <summary>Writes then reads with a repeated start between the phases (what the emulation allocates is counted as native: <see cref="EmulatedNativeAllocations"/>).</summary>
        /// <exception cref="ObjectDisposedException">The device was disposed.</exception>
        public I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer)
        {
            long begin = EmulatedNativeAllocations.Begin();
            try
            {
                return Transfer(writeBuffer, readBuffer);
            }
            finally
            {
                EmulatedNativeAllocations.End(begin);
            }
        }

        private I2cTransferResult Transfer(SpanByte writeBuffer, SpanByte readBuffer)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(I2cDevice));
            }

            VirtualI2cBus bus = _board.RoutedI2cBus(ConnectionSettings.BusId);
            I2cPeripheral target = bus?.Find(ConnectionSettings.DeviceAddress);
            if (target == null)
            {
                return new I2cTransferResult(I2cTransferStatus.SlaveAddressNotAcknowledged, 0);
            }

            uint moved = 0;
            if (writeBuffer.Length > 0 || readBuffer.Length == 0)
            {
                I2cPeripheralResponse response = target.Write(writeBuffer.ToArray());
                if (response != I2cPeripheralResponse.Acknowledged)
                {
                    return Fail(response);
                }

                moved += (uint)writeBuffer.Length;
            }

            if (readBuffer.Length > 0)
            {
                byte[] data = new byte[readBuffer.Length];
                I2cPeripheralResponse response = target.Read(data);
                if (response != I2cPeripheralResponse.Acknowledged)
                {
                    return Fail(response);
                }

                for (int i = 0; i < data.Length; i++)
                {
                    readBuffer[i] = data[i];
                }

                moved += (uint)data.Length;
            }

            return new I2cTransferResult(I2cTransferStatus.FullTransfer, moved);
        }

        /// <summary>Releases the device.</summary>
        public void Dispose()
        {
            _disposed = true;
        }

        private static I2cTransferResult Fail(I2cPeripheralResponse response)
        {
            return new I2cTransferResult(
                response == I2cPeripheralResponse.AddressNotAcknowledged ? I2cTransferStatus.SlaveAddressNotAcknowledged : I2cTransferStatus.UnknownError,
                0);
        }
    }
}
