namespace DcMonitor.Shared.Commands
{
    /// <summary>
    /// Fixed-point decimal text without floating point (nanoFramework formats doubles inexactly): <c>scaled / 10^decimals</c>
    /// with exactly <c>decimals</c> digits after the point, e.g. (12001, 3) → <c>12.001</c>, (-12, 3) → <c>-0.012</c>, (7, 0) → <c>7</c>.
    /// Used by the node's reply text and the MQTT state JSON.
    /// </summary>
    public static class DecimalText
    {
        /// <summary>Longest text written: a sign, 19 digits of a long, the point.</summary>
        public const int MaximumLength = 21;

        /// <summary>Writes the text at <paramref name="offset"/> of <paramref name="buffer"/> (room for <see cref="MaximumLength"/> characters); returns how many were written.</summary>
        public static int Write(char[] buffer, int offset, long scaled, int decimals)
        {
            int at = offset;
            ulong magnitude;
            if (scaled < 0)
            {
                buffer[at++] = '-';
                magnitude = (ulong)(-(scaled + 1)) + 1; // -long.MinValue is no long
            }
            else
            {
                magnitude = (ulong)scaled;
            }

            int start = at;
            int digits = 0;
            do
            {
                if (digits == decimals && decimals > 0)
                {
                    buffer[at++] = '.';
                }

                buffer[at++] = (char)('0' + (int)(magnitude % 10));
                magnitude /= 10;
                digits++;
            }
            while (magnitude > 0 || digits <= decimals);

            // digits were written least significant first: reverse them in place
            int end = at - 1;
            while (start < end)
            {
                char swap = buffer[start];
                buffer[start] = buffer[end];
                buffer[end] = swap;
                start++;
                end--;
            }

            return at - offset;
        }

        /// <summary>The text as a new string.</summary>
        public static string Format(long scaled, int decimals)
        {
            char[] buffer = new char[MaximumLength];
            return new string(buffer, 0, Write(buffer, 0, scaled, decimals));
        }
    }
}
