namespace DcMonitor.Shared.Commands
{
    /// <summary>
    /// Strict parsing of decimal integers in command text. Accepts what the seed accepted as a whole-string
    /// integer (seed protocol §2.5: optional leading white space, an optional sign, at least one digit) and
    /// nothing else — no trailing characters, no empty text — instead of C <c>atoi</c>'s "garbage is 0"
    /// (seed §9 B2, B3). Values beyond the <c>int</c> range saturate, which is right for inputs that are
    /// clamped afterwards (a duty of 99999999999 % is 100 %).
    /// </summary>
    public static class IntegerText
    {
        /// <summary>
        /// Parses all of <paramref name="text"/> from <paramref name="start"/> to its end.
        /// </summary>
        /// <returns>True and the (saturated) value when the text is an integer; false and 0 otherwise.</returns>
        public static bool TryParse(string text, int start, out int value)
        {
            value = 0;
            if (text == null)
            {
                return false;
            }

            int index = start;
            while (index < text.Length && IsCWhiteSpace(text[index]))
            {
                index++;
            }

            bool negative = false;
            if (index < text.Length && (text[index] == '+' || text[index] == '-'))
            {
                negative = text[index] == '-';
                index++;
            }

            int firstDigit = index;
            long magnitude = 0;
            while (index < text.Length && text[index] >= '0' && text[index] <= '9')
            {
                magnitude = Accumulate(magnitude, text[index] - '0');
                index++;
            }

            if (index == firstDigit || index != text.Length)
            {
                return false;
            }

            value = Saturated(negative, magnitude);
            return true;
        }

        /// <summary>
        /// Parses ASCII bytes <paramref name="start"/> to <paramref name="end"/> (exclusive) of <paramref name="text"/> with the same
        /// grammar as <see cref="TryParse(string, int, out int)"/>, allocating nothing.
        /// </summary>
        /// <returns>True and the (saturated) value when the bytes are an integer; false and 0 otherwise.</returns>
        public static bool TryParse(byte[] text, int start, int end, out int value)
        {
            value = 0;
            int index = start;
            while (index < end && IsCWhiteSpace((char)text[index]))
            {
                index++;
            }

            bool negative = false;
            if (index < end && (text[index] == '+' || text[index] == '-'))
            {
                negative = text[index] == '-';
                index++;
            }

            int firstDigit = index;
            long magnitude = 0;
            while (index < end && text[index] >= '0' && text[index] <= '9')
            {
                magnitude = Accumulate(magnitude, text[index] - '0');
                index++;
            }

            if (index == firstDigit || index != end)
            {
                return false;
            }

            value = Saturated(negative, magnitude);
            return true;
        }

        /// <summary>The magnitude with one more digit, held just beyond the int range once it is out of it.</summary>
        private static long Accumulate(long magnitude, int digit)
        {
            return magnitude <= 2147483648L ? (magnitude * 10) + digit : magnitude;
        }

        private static int Saturated(bool negative, long magnitude)
        {
            long signed = negative ? -magnitude : magnitude;
            if (signed > int.MaxValue)
            {
                return int.MaxValue;
            }

            return signed < int.MinValue ? int.MinValue : (int)signed;
        }

        /// <summary>Parses the whole of <paramref name="text"/>.</summary>
        public static bool TryParse(string text, out int value)
        {
            return TryParse(text, 0, out value);
        }

        /// <summary>True for the characters C's <c>isspace</c> accepts: space, \t, \n, \v, \f, \r.</summary>
        public static bool IsCWhiteSpace(char c)
        {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }
    }
}
