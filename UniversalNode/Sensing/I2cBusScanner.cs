using System.Collections;
using System.Device.I2c;

namespace DcMonitor.UniversalNode.Sensing
{
    /// <summary>
    /// Diagnostic bus scan (seed protocol §4.15, console <c>scan</c>): every 7-bit address 0x08–0x77 that
    /// acknowledges a one-byte read.
    /// </summary>
    public static class I2cBusScanner
    {
        /// <summary>First address scanned (below are reserved addresses).</summary>
        public const int FirstAddress = 0x08;

        /// <summary>Last address scanned (above are reserved addresses).</summary>
        public const int LastAddress = 0x77;

        /// <summary>Addresses that answered, ascending.</summary>
        public static int[] Scan(int busId)
        {
            ArrayList found = new ArrayList();
            byte[] one = new byte[1];
            for (int address = FirstAddress; address <= LastAddress; address++)
            {
                using (I2cDevice device = I2cDevice.Create(new I2cConnectionSettings(busId, address, I2cBusSpeed.FastMode)))
                {
                    if (device.Read(one).Status == I2cTransferStatus.FullTransfer)
                    {
                        found.Add(address);
                    }
                }
            }

            int[] addresses = new int[found.Count];
            for (int i = 0; i < addresses.Length; i++)
            {
                addresses[i] = (int)found[i];
            }

            return addresses;
        }
    }
}
