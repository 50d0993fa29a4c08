using System;

namespace DcMonitor.Shared.Provisioning
{
    /// <summary>
    /// A parsed <c>oob</c> console line of a node image (docs/security.md "Authenticated provisioning"): <c>oob</c>,
    /// <c>oob off</c>, <c>oob &lt;hex&gt;</c> (<see cref="StaticOobValue"/>). Words are separated by single blanks; anything
    /// else is <see cref="OobConsoleCommandKind.Invalid"/> with the reason in <see cref="Error"/>, which never repeats the secret.
    /// </summary>
    public sealed class OobConsoleCommand
    {
        /// <summary>The first word of every line this class parses.</summary>
        public const string Prefix = "oob";

        /// <summary>The console help lines of the <c>oob</c> commands.</summary>
        public static readonly string[] Help =
        {
            "  oob               static OOB provisioning authentication: on or off (never the secret)",
            "  oob HEX           keep the provisioning secret: 2-32 hex digits, the provisioner's static-oob.txt value",
            "  oob off           forget it: provisioning without authentication (No OOB)",
        };

        private static readonly char[] s_blank = { ' ' };

        private OobConsoleCommand(OobConsoleCommandKind kind)
        {
            Kind = kind;
        }

        /// <summary>What the line asks for.</summary>
        public OobConsoleCommandKind Kind { get; private set; }

        /// <summary>The secret of <see cref="OobConsoleCommandKind.Set"/>, 1–16 bytes.</summary>
        public byte[] Value { get; private set; }

        /// <summary><see cref="OobConsoleCommandKind.Invalid"/>: why (without the value typed).</summary>
        public string Error { get; private set; }

        /// <summary>True when <paramref name="line"/> is <c>oob</c> or starts with <c>oob </c> (this parser's line).</summary>
        public static bool Accepts(string line)
        {
            return line != null && (line == Prefix || line.StartsWith(Prefix + " "));
        }

        /// <summary>Parses a console line that <see cref="Accepts"/>; never throws.</summary>
        public static OobConsoleCommand Parse(string line)
        {
            if (!Accepts(line))
            {
                return Invalid("not an oob command");
            }

            string[] words = line.Split(s_blank);
            if (words.Length == 1)
            {
                return new OobConsoleCommand(OobConsoleCommandKind.Status);
            }

            if (words.Length != 2)
            {
                return Invalid("one word after 'oob': the secret in hex (2-32 digits, no blanks) or 'off'");
            }

            if (words[1] == "off")
            {
                return new OobConsoleCommand(OobConsoleCommandKind.Off);
            }

            try
            {
                OobConsoleCommand command = new OobConsoleCommand(OobConsoleCommandKind.Set);
                command.Value = StaticOobValue.Parse(words[1]);
                return command;
            }
            catch (ArgumentException exception)
            {
                return Invalid("the secret is not valid: " + exception.Message);
            }
        }

        private static OobConsoleCommand Invalid(string error)
        {
            OobConsoleCommand command = new OobConsoleCommand(OobConsoleCommandKind.Invalid);
            command.Error = error;
            return command;
        }
    }
}
