namespace DcMonitor.Shared.Gatt
{
    /// <summary>
    /// A parsed <c>gatt</c> console line (docs/security.md): <c>gatt</c>, <c>gatt pair</c>, <c>gatt list</c>,
    /// <c>gatt forget &lt;AA:BB:CC:DD:EE:FF|all&gt;</c>, <c>gatt mode &lt;bonded|passkey|open&gt;</c>. Words are separated
    /// by single blanks; anything else is <see cref="GattConsoleCommandKind.Invalid"/> with the reason in <see cref="Error"/>.
    /// </summary>
    public sealed class GattConsoleCommand
    {
        /// <summary>How long a pairing window stays open: 5 minutes (issue 17), in ms.</summary>
        public const int PairingWindowMilliseconds = 5 * 60 * 1000;

        /// <summary>The first word of every line this class parses.</summary>
        public const string Prefix = "gatt";

        /// <summary>The console help lines of the <c>gatt</c> commands.</summary>
        public static readonly string[] Help =
        {
            "  gatt              GATT access: mode, pairing window, bonds kept",
            "  gatt pair         accept new bonds for 5 minutes (passkey mode: prints the passkey)",
            "  gatt list         the bonded centrals (the allow-list)",
            "  gatt forget A|all remove the bond of address A (AA:BB:CC:DD:EE:FF) or every bond",
            "  gatt mode M       bonded | passkey | open; applies at the next boot",
        };

        private static readonly char[] s_blank = { ' ' };

        private GattConsoleCommand(GattConsoleCommandKind kind)
        {
            Kind = kind;
        }

        /// <summary>What the line asks for.</summary>
        public GattConsoleCommandKind Kind { get; private set; }

        /// <summary>The mode of <see cref="GattConsoleCommandKind.Mode"/>.</summary>
        public GattAccessMode Mode { get; private set; }

        /// <summary><see cref="GattConsoleCommandKind.Forget"/>: true for <c>all</c>.</summary>
        public bool All { get; private set; }

        /// <summary><see cref="GattConsoleCommandKind.Forget"/> of one bond: its address, least significant byte first (<see cref="BondAddress"/>).</summary>
        public byte[] Address { get; private set; }

        /// <summary><see cref="GattConsoleCommandKind.Invalid"/>: why.</summary>
        public string Error { get; private set; }

        /// <summary>True when <paramref name="line"/> is <c>gatt</c> or starts with <c>gatt </c> (this parser's line).</summary>
        public static bool Accepts(string line)
        {
            return line != null && (line == Prefix || line.StartsWith(Prefix + " "));
        }

        /// <summary>Parses a console line that <see cref="Accepts"/>; never throws.</summary>
        public static GattConsoleCommand Parse(string line)
        {
            if (!Accepts(line))
            {
                return Invalid("not a gatt command");
            }

            string[] words = line.Split(s_blank);
            if (words.Length == 1)
            {
                return new GattConsoleCommand(GattConsoleCommandKind.Status);
            }

            string verb = words[1];
            if (verb == "pair" || verb == "list")
            {
                return words.Length == 2
                    ? new GattConsoleCommand(verb == "pair" ? GattConsoleCommandKind.Pair : GattConsoleCommandKind.List)
                    : Invalid("'gatt " + verb + "' takes no argument");
            }

            if (verb == "mode")
            {
                GattAccessMode mode;
                if (words.Length != 3 || !GattAccessModeText.TryParse(words[2], out mode))
                {
                    return Invalid("usage: gatt mode " + GattAccessModeText.Choices);
                }

                GattConsoleCommand command = new GattConsoleCommand(GattConsoleCommandKind.Mode);
                command.Mode = mode;
                return command;
            }

            if (verb == "forget")
            {
                if (words.Length != 3)
                {
                    return Invalid("usage: gatt forget AA:BB:CC:DD:EE:FF|all");
                }

                GattConsoleCommand command = new GattConsoleCommand(GattConsoleCommandKind.Forget);
                if (words[2] == "all")
                {
                    command.All = true;
                    return command;
                }

                byte[] address = new byte[BondAddress.AddressLength];
                if (!BondAddress.TryParse(words[2], address))
                {
                    return Invalid("'" + words[2] + "' is not an address AA:BB:CC:DD:EE:FF or 'all'");
                }

                command.Address = address;
                return command;
            }

            return Invalid("unknown gatt command '" + verb + "' (pair, list, forget, mode)");
        }

        private static GattConsoleCommand Invalid(string error)
        {
            GattConsoleCommand command = new GattConsoleCommand(GattConsoleCommandKind.Invalid);
            command.Error = error;
            return command;
        }
    }
}
