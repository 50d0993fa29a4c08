using System;

namespace DcMonitor.Shared.Gatt
{
    /// <summary>
    /// What the node keeps on its flash drive about GATT access (<c>I:\gatt\settings.txt</c>): the mode, one line
    /// <c>mode=&lt;bonded|passkey|open&gt;</c>. No file means a node's first boot: the mode is <see cref="GattAccessMode.Bonded"/>
    /// and the pairing window opens (docs/security.md). The bonds themselves are the native stack's (NVS).
    /// </summary>
    public sealed class GattAccessSettings
    {
        private const string ModeKey = "mode=";
        private static readonly char[] s_newline = { '\n' };

        /// <summary>Settings with <paramref name="mode"/>.</summary>
        public GattAccessSettings(GattAccessMode mode)
        {
            Mode = mode;
        }

        /// <summary>The access mode.</summary>
        public GattAccessMode Mode { get; private set; }

        /// <summary>The file's text.</summary>
        public string ToText()
        {
            return ModeKey + GattAccessModeText.Of(Mode) + "\n";
        }

        /// <summary>Reads the file's text (blank lines and surrounding blanks ignored).</summary>
        /// <exception cref="ArgumentException">No mode line, an unknown key, a mode not in <see cref="GattAccessModeText.Choices"/> or two mode lines.</exception>
        public static GattAccessSettings Parse(string text)
        {
            if (text == null)
            {
                throw new ArgumentException("no GATT settings text");
            }

            bool found = false;
            GattAccessMode mode = GattAccessMode.Bonded;
            string[] lines = text.Split(s_newline);
            foreach (string raw in lines)
            {
                string line = raw.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                if (!line.StartsWith(ModeKey))
                {
                    throw new ArgumentException("unknown GATT setting '" + line + "'");
                }

                if (found)
                {
                    throw new ArgumentException("the GATT mode is given twice");
                }

                mode = GattAccessModeText.Parse(line.Substring(ModeKey.Length));
                found = true;
            }

            if (!found)
            {
                throw new ArgumentException("no GATT mode line");
            }

            return new GattAccessSettings(mode);
        }
    }
}
