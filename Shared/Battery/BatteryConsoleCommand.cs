using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Gatt;

namespace DcMonitor.Shared.Battery
{
    /// <summary>
    /// A parsed <c>bm6</c> console line (docs/battery-monitor.md): <c>bm6</c>, <c>bm6 scan</c>, <c>bm6 use &lt;AA:BB:CC:DD:EE:FF&gt; [random] [bm6|bm7]</c>,
    /// <c>bm6 off</c>, <c>bm6 read</c>, <c>bm6 interval &lt;seconds&gt;</c>. Words are separated by single blanks; anything else is
    /// <see cref="BatteryConsoleCommandKind.Invalid"/> with the reason in <see cref="Error"/>.
    /// </summary>
    public sealed class BatteryConsoleCommand
    {
        /// <summary>The first word of every line this class parses.</summary>
        public const string Prefix = "bm6";

        /// <summary>The console help lines of the <c>bm6</c> commands.</summary>
        public static readonly string[] Help =
        {
            "  bm6               battery monitor: address, period, last reading and its age, last failure",
            "  bm6 scan          list BM6/BM7 monitors in range (10 s)",
            "  bm6 use A [bm7]   read the monitor at A (AA:BB:CC:DD:EE:FF; add ' random' for a random address, ' bm7' for a BM7 / BM300 Pro) from now on",
            "  bm6 read          read it now (connect, one notification, disconnect)",
            "  bm6 interval S    read every S seconds, 10-3600 (default 60; kept in flash)",
            "  bm6 off           stop reading and forget the monitor",
        };

        private const string UseUsage = "usage: bm6 use AA:BB:CC:DD:EE:FF [random] [bm6|bm7]";

        private static readonly char[] s_blank = { ' ' };

        private BatteryConsoleCommand(BatteryConsoleCommandKind kind)
        {
            Kind = kind;
        }

        /// <summary>What the line asks for.</summary>
        public BatteryConsoleCommandKind Kind { get; private set; }

        /// <summary><see cref="BatteryConsoleCommandKind.Use"/>: the address, least significant byte first (<see cref="BondAddress"/>).</summary>
        public byte[] Address { get; private set; }

        /// <summary><see cref="BatteryConsoleCommandKind.Use"/>: 0 public (default), 1 random.</summary>
        public int AddressType { get; private set; }

        /// <summary><see cref="BatteryConsoleCommandKind.Use"/>: whose key the monitor uses (<c>bm6</c> by default, or <c>bm7</c>).</summary>
        public BatteryMonitorVariant Variant { get; private set; }

        /// <summary><see cref="BatteryConsoleCommandKind.Interval"/>: the period, s.</summary>
        public int PeriodSeconds { get; private set; }

        /// <summary><see cref="BatteryConsoleCommandKind.Invalid"/>: why.</summary>
        public string Error { get; private set; }

        /// <summary>True when <paramref name="line"/> is <c>bm6</c> or starts with <c>bm6 </c>.</summary>
        public static bool Accepts(string line)
        {
            return line != null && (line == Prefix || line.StartsWith(Prefix + " "));
        }

        /// <summary>Parses a console line; never throws.</summary>
        public static BatteryConsoleCommand Parse(string line)
        {
            if (!Accepts(line))
            {
                return Invalid("not a bm6 command");
            }

            string[] words = line.Split(s_blank);
            if (words.Length == 1)
            {
                return new BatteryConsoleCommand(BatteryConsoleCommandKind.Status);
            }

            string verb = words[1];
            if (verb == "scan" || verb == "off" || verb == "read")
            {
                if (words.Length != 2)
                {
                    return Invalid("'bm6 " + verb + "' takes no argument");
                }

                return new BatteryConsoleCommand(verb == "scan" ? BatteryConsoleCommandKind.Scan : verb == "off" ? BatteryConsoleCommandKind.Off : BatteryConsoleCommandKind.Read);
            }

            if (verb == "use")
            {
                return ParseUse(words);
            }

            if (verb == "interval")
            {
                int seconds;
                if (words.Length != 3 || !IntegerText.TryParse(words[2], out seconds))
                {
                    return Invalid("usage: bm6 interval <seconds> (" + BatteryMonitorReader.MinimumPeriodSeconds.ToString() + "-" + BatteryMonitorReader.MaximumPeriodSeconds.ToString() + ")");
                }

                if (seconds < BatteryMonitorReader.MinimumPeriodSeconds || seconds > BatteryMonitorReader.MaximumPeriodSeconds)
                {
                    return Invalid("interval " + seconds.ToString() + " s is outside " + BatteryMonitorReader.MinimumPeriodSeconds.ToString() + "-" + BatteryMonitorReader.MaximumPeriodSeconds.ToString() + " s");
                }

                BatteryConsoleCommand interval = new BatteryConsoleCommand(BatteryConsoleCommandKind.Interval);
                interval.PeriodSeconds = seconds;
                return interval;
            }

            return Invalid("unknown bm6 command '" + verb + "' (scan, use, read, interval, off)");
        }

        private static BatteryConsoleCommand ParseUse(string[] words)
        {
            if (words.Length < 3 || words.Length > 5)
            {
                return Invalid(UseUsage);
            }

            int addressType = 0;
            bool hasVariant = false;
            BatteryMonitorVariant variant = BatteryMonitorVariant.Bm6;
            for (int i = 3; i < words.Length; i++)
            {
                if (words[i] == "random" && addressType == 0)
                {
                    addressType = 1;
                }
                else if (!hasVariant && BatteryMonitorVariantName.TryParse(words[i], out variant))
                {
                    hasVariant = true;
                }
                else
                {
                    return Invalid("'" + words[i] + "' is not 'random', 'bm6' or 'bm7' (or is repeated); " + UseUsage);
                }
            }

            byte[] address = new byte[BondAddress.AddressLength];
            if (!BondAddress.TryParse(words[2], address))
            {
                return Invalid("'" + words[2] + "' is not an address AA:BB:CC:DD:EE:FF");
            }

            BatteryConsoleCommand use = new BatteryConsoleCommand(BatteryConsoleCommandKind.Use);
            use.Address = address;
            use.AddressType = addressType;
            use.Variant = variant;
            return use;
        }

        private static BatteryConsoleCommand Invalid(string error)
        {
            BatteryConsoleCommand command = new BatteryConsoleCommand(BatteryConsoleCommandKind.Invalid);
            command.Error = error;
            return command;
        }
    }
}
