using System;

namespace DcMonitor.Shared.Provisioning
{
    /// <summary>
    /// The rules of a static OOB secret (Mesh Profile 1.0.1 §5.4.2.4; docs/security.md "Authenticated provisioning"): 1–16 bytes
    /// written as 2–32 hex digits, the same text on a node's console (<c>oob &lt;hex&gt;</c>) and in the provisioner's
    /// <c>static-oob.txt</c>. ESP-IDF pads a value shorter than 16 bytes with leading zero bytes into the 16-byte AuthValue
    /// (prov_node.c and prov_pvnr.c prov_auth), so <c>ab</c> and <c>00ab</c> are the same secret; a value of zero bytes only is
    /// refused because its AuthValue is that of No OOB, which authenticates nothing. Error messages never repeat the value.
    /// </summary>
    public static class StaticOobValue
    {
        /// <summary>Shortest secret, bytes.</summary>
        public const int MinimumLength = 1;

        /// <summary>Longest secret, bytes (the AuthValue is 16 octets).</summary>
        public const int MaximumLength = 16;

        /// <summary>The secret's bytes from its hex text (upper or lower case, surrounding blanks ignored).</summary>
        /// <exception cref="ArgumentException">The text is empty, has an odd number of digits, more than 32 digits, a character
        /// that is not a hex digit (named by position only) or only zero bytes.</exception>
        public static byte[] Parse(string hex)
        {
            string text = hex == null ? string.Empty : hex.Trim();
            if (text.Length == 0)
            {
                throw new ArgumentException("no secret: give 2 to 32 hex digits (1 to 16 bytes)");
            }

            if (text.Length > MaximumLength * 2)
            {
                throw new ArgumentException("too long: " + text.Length.ToString() + " characters, at most 32 hex digits (16 bytes)");
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (NodeRegistry.HexDigitValue(text[i]) < 0)
                {
                    throw new ArgumentException("character " + (i + 1).ToString() + " is not a hex digit (0-9, a-f)");
                }
            }

            if ((text.Length % 2) != 0)
            {
                throw new ArgumentException("an odd number of hex digits (" + text.Length.ToString() + "): give whole bytes, 2 digits each");
            }

            byte[] value = NodeRegistry.FromHex(text);
            bool allZero = true;
            for (int i = 0; i < value.Length; i++)
            {
                allZero = allZero && value[i] == 0;
            }

            if (allZero)
            {
                throw new ArgumentException("only zero bytes: that is the AuthValue of No OOB and authenticates nothing");
            }

            return value;
        }
    }
}
