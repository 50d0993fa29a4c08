namespace DcMonitor.Emulator.Board
{
    /// <summary>How a virtual I2C target answered one transfer phase.</summary>
    public enum I2cPeripheralResponse
    {
        /// <summary>Address and every data byte acknowledged.</summary>
        Acknowledged,

        /// <summary>No target answered the address (nothing there, or the target is absent).</summary>
        AddressNotAcknowledged,

        /// <summary>The transfer broke down on the bus (arbitration loss, glitch): no data is valid.</summary>
        BusError,
    }

    /// <summary>
    /// A target device on a virtual I2C bus. The bus calls <see cref="Write"/> for a write phase and
    /// <see cref="Read"/> for a read phase; a WriteRead is a write then a read with a repeated start.
    /// Implementations must be thread-safe: firmware threads and test threads use them concurrently.
    /// </summary>
    public abstract class I2cPeripheral
    {
        /// <summary>Creates a target answering at a 7-bit address (0x08–0x77).</summary>
        protected I2cPeripheral(int address)
        {
            Address = address;
        }

        /// <summary>The 7-bit address this target answers.</summary>
        public int Address { get; }

        /// <summary>Receives the bytes of one write phase (possibly empty: an address-only probe).</summary>
        public abstract I2cPeripheralResponse Write(byte[] data);

        /// <summary>Fills <paramref name="buffer"/> with the bytes of one read phase.</summary>
        public abstract I2cPeripheralResponse Read(byte[] buffer);
    }
}
