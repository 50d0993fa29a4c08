using System;

namespace DcMonitor.Shared.Gatt
{
    /// <summary>The console and flash spelling of <see cref="GattAccessMode"/>: <c>open</c>, <c>bonded</c>, <c>passkey</c>.</summary>
    public static class GattAccessModeText
    {
        /// <summary>The three words, in mode order (for help and error texts).</summary>
        public const string Choices = "bonded|passkey|open";

        /// <summary>The word of <paramref name="mode"/>.</summary>
        public static string Of(GattAccessMode mode)
        {
            switch (mode)
            {
                case GattAccessMode.Open: return "open";
                case GattAccessMode.Passkey: return "passkey";
                default: return "bonded";
            }
        }

        /// <summary>The mode a word names (exact, lower case); false for anything else.</summary>
        public static bool TryParse(string word, out GattAccessMode mode)
        {
            mode = GattAccessMode.Bonded;
            if (word == "bonded")
            {
                return true;
            }

            if (word == "passkey")
            {
                mode = GattAccessMode.Passkey;
                return true;
            }

            if (word == "open")
            {
                mode = GattAccessMode.Open;
                return true;
            }

            return false;
        }

        /// <summary>The mode a word names.</summary>
        /// <exception cref="ArgumentException">Not one of <see cref="Choices"/>.</exception>
        public static GattAccessMode Parse(string word)
        {
            GattAccessMode mode;
            if (!TryParse(word, out mode))
            {
                throw new ArgumentException("GATT mode '" + word + "' is not one of " + Choices);
            }

            return mode;
        }
    }
}
