using System;
using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Gatt;

namespace DcMonitor.Shared.Battery
{
    /// <summary>
    /// What the node keeps on its flash drive about its battery monitor (<c>I:\battery\settings.txt</c>, written atomically):
    /// <c>period=&lt;seconds&gt;</c> always, and <c>address=AA:BB:CC:DD:EE:FF</c> with <c>type=public|random</c> when a monitor
    /// is configured, then <c>variant=bm7</c> for a BM7 / BM300 Pro. A BM6 is written without a variant line, so its file is the
    /// one earlier images wrote and read; a file without one (every file before the variant existed) means BM6. No file: no
    /// monitor, the default period. Immutable.
    /// </summary>
    public sealed class BatteryMonitorSettings
    {
        private const string AddressKey = "address=";
        private const string TypeKey = "type=";
        private const string PeriodKey = "period=";
        private const string VariantKey = "variant=";
        private static readonly char[] s_newline = { '\n' };

        /// <summary>Settings with the monitor at <paramref name="address"/> (null: none; copied), of <paramref name="addressType"/> (0 public, 1 random), read every <paramref name="periodSeconds"/>.</summary>
        /// <exception cref="ArgumentException">address not 6 bytes, addressType not 0 or 1.</exception>
        /// <exception cref="ArgumentOutOfRangeException">periodSeconds outside <see cref="BatteryMonitorReader.MinimumPeriodSeconds"/>–<see cref="BatteryMonitorReader.MaximumPeriodSeconds"/>.</exception>
        public BatteryMonitorSettings(byte[] address, int addressType, int periodSeconds)
            : this(address, addressType, BatteryMonitorVariant.Bm6, periodSeconds)
        {
        }

        /// <summary>As <see cref="BatteryMonitorSettings(byte[], int, int)"/>, for a monitor of <paramref name="variant"/>.</summary>
        /// <exception cref="ArgumentException">address not 6 bytes, addressType not 0 or 1, variant neither Bm6 nor Bm7.</exception>
        /// <exception cref="ArgumentOutOfRangeException">periodSeconds outside <see cref="BatteryMonitorReader.MinimumPeriodSeconds"/>–<see cref="BatteryMonitorReader.MaximumPeriodSeconds"/>.</exception>
        public BatteryMonitorSettings(byte[] address, int addressType, BatteryMonitorVariant variant, int periodSeconds)
        {
            BatteryMonitorReader.CheckAddress(address, addressType);
            BatteryMonitorVariantName.Check(variant);
            BatteryMonitorReader.CheckPeriod(periodSeconds);

            if (address != null)
            {
                Address = new byte[BondAddress.AddressLength];
                Array.Copy(address, Address, BondAddress.AddressLength);
            }

            AddressType = addressType;
            Variant = variant;
            PeriodSeconds = periodSeconds;
        }

        /// <summary>No monitor, the default period (a node without the file).</summary>
        public static BatteryMonitorSettings Default => new BatteryMonitorSettings(null, 0, BatteryMonitorReader.DefaultPeriodSeconds);

        /// <summary>The monitor's address, least significant byte first, or null when none is configured.</summary>
        public byte[] Address { get; private set; }

        /// <summary>0 public, 1 random.</summary>
        public int AddressType { get; private set; }

        /// <summary>Whose key the monitor uses (BM6 when the file has no variant line).</summary>
        public BatteryMonitorVariant Variant { get; private set; }

        /// <summary>The read period, s.</summary>
        public int PeriodSeconds { get; private set; }

        /// <summary>The file's text.</summary>
        public string ToText()
        {
            string text = PeriodKey + PeriodSeconds.ToString() + "\n";
            if (Address != null)
            {
                byte[] record = new byte[BondAddress.RecordLength];
                Array.Copy(Address, 0, record, 1, BondAddress.AddressLength);
                text += AddressKey + BondAddress.Format(record) + "\n" + TypeKey + (AddressType == 1 ? "random" : "public") + "\n";
                if (Variant != BatteryMonitorVariant.Bm6)
                {
                    text += VariantKey + BatteryMonitorVariantName.Of(Variant) + "\n";
                }
            }

            return text;
        }

        /// <summary>Reads the file's text (blank lines and surrounding blanks ignored).</summary>
        /// <exception cref="ArgumentException">An unknown or repeated key, a bad value, a type or variant without an address, or no period line.</exception>
        public static BatteryMonitorSettings Parse(string text)
        {
            if (text == null)
            {
                throw new ArgumentException("no battery monitor settings text");
            }

            byte[] address = null;
            int addressType = -1;
            bool hasVariant = false;
            BatteryMonitorVariant variant = BatteryMonitorVariant.Bm6;
            int period = -1;
            foreach (string raw in text.Split(s_newline))
            {
                string line = raw.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                if (line.StartsWith(AddressKey) && address == null)
                {
                    address = new byte[BondAddress.AddressLength];
                    if (!BondAddress.TryParse(line.Substring(AddressKey.Length), address))
                    {
                        throw new ArgumentException("'" + line + "' is not an address AA:BB:CC:DD:EE:FF");
                    }
                }
                else if (line.StartsWith(TypeKey) && addressType < 0)
                {
                    string type = line.Substring(TypeKey.Length);
                    if (type != "public" && type != "random")
                    {
                        throw new ArgumentException("address type '" + type + "' is neither public nor random");
                    }

                    addressType = type == "random" ? 1 : 0;
                }
                else if (line.StartsWith(VariantKey) && !hasVariant)
                {
                    string word = line.Substring(VariantKey.Length);
                    if (!BatteryMonitorVariantName.TryParse(word, out variant))
                    {
                        throw new ArgumentException("battery monitor variant '" + word + "' is neither bm6 nor bm7");
                    }

                    hasVariant = true;
                }
                else if (line.StartsWith(PeriodKey) && period < 0)
                {
                    if (!IntegerText.TryParse(line.Substring(PeriodKey.Length), out period) || period < 0)
                    {
                        throw new ArgumentException("'" + line + "' is not a period in seconds");
                    }
                }
                else
                {
                    throw new ArgumentException("unknown or repeated battery monitor setting '" + line + "'");
                }
            }

            if (period < 0)
            {
                throw new ArgumentException("no period line");
            }

            if (addressType >= 0 && address == null)
            {
                throw new ArgumentException("an address type without an address");
            }

            if (hasVariant && address == null)
            {
                throw new ArgumentException("a variant without an address");
            }

            try
            {
                return new BatteryMonitorSettings(address, addressType < 0 ? 0 : addressType, variant, period);
            }
            catch (ArgumentOutOfRangeException exception)
            {
                throw new ArgumentException(exception.Message);
            }
        }
    }
}
