using System.Device.I2c;
using DcMonitor.Shared.Sensing;

namespace DcMonitor.UniversalNode.Sensing
{
    /// <summary>
    /// Finds the INA260 on a bus: the first address in 0x40–0x4F (ascending) whose ID registers read
    /// Manufacturer 0x5449 and Die 0x227x. A device that merely acknowledges there (another chip of the
    /// INA family, an EEPROM) is skipped, unlike the seed's "first ACK wins" (seed protocol §9 B19).
    /// </summary>
    public static class Ina260Locator
    {
        /// <summary>Probes the strap range of <paramref name="busId"/>; returns the open sensor, or null.</summary>
        public static Ina260 Find(int busId)
        {
            for (int address = Ina260Units.FirstAddress; address <= Ina260Units.LastAddress; address++)
            {
                Ina260 candidate = new Ina260(I2cDevice.Create(new I2cConnectionSettings(busId, address, I2cBusSpeed.FastMode)));
                ushort manufacturerId;
                ushort dieId;
                if (candidate.TryIdentify(out manufacturerId, out dieId))
                {
                    return candidate;
                }

                candidate.Dispose();
            }

            return null;
        }
    }
}
