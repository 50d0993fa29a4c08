namespace DcMonitor.Shared.Terminal
{
    /// <summary>
    /// Turns the serial console's character stream into command lines (seed protocol §4.15): CR or LF ends
    /// a line, empty lines are ignored, a line holds at most <see cref="MaximumLineLength"/> characters.
    /// Unlike the seed, which kept the first 63 characters and silently dropped the rest, an over-long line
    /// is reported (<see cref="ConsoleLineStatus.TooLong"/>) and not executed: half a command is never run.
    /// Backspace (0x08) and DEL (0x7F) erase the previous character, as terminals send them. Other control
    /// characters are ignored. While <see cref="PasteLines"/> is set (a PEM certificate being pasted), a line may hold up to
    /// <see cref="MaximumPasteLineLength"/> characters: PEM lines are 64 characters (RFC 7468 §2), one more than a command line.
    /// Not thread-safe: owned by the console reader.
    /// </summary>
    public sealed class ConsoleLineAssembler
    {
        /// <summary>Longest line accepted, in characters (seed §1.9: 64-byte buffer, 63 characters kept).</summary>
        public const int MaximumLineLength = 63;

        /// <summary>Longest line accepted while <see cref="PasteLines"/> is set, in characters: 64-character PEM lines (RFC 7468 §2), and the
        /// 76 that MIME base64 writers use (RFC 2045 §6.8, RFC 7468 §3's lax parsing).</summary>
        public const int MaximumPasteLineLength = 76;

        private readonly char[] _buffer = new char[MaximumPasteLineLength];
        private int _length;
        private int _overflow;

        /// <summary>The line completed by the last <see cref="Push"/> that returned <see cref="ConsoleLineStatus.Complete"/>.</summary>
        public string Line { get; private set; }

        /// <summary>
        /// True while the lines typed are a pasted certificate: up to <see cref="MaximumPasteLineLength"/> characters instead of
        /// <see cref="MaximumLineLength"/>. Set by the line's consumer between lines.
        /// </summary>
        public bool PasteLines { get; set; }

        /// <summary>Feeds one received character.</summary>
        public ConsoleLineStatus Push(char c)
        {
            if (c == '\r' || c == '\n')
            {
                if (_overflow > 0)
                {
                    _length = 0;
                    _overflow = 0;
                    Line = null;
                    return ConsoleLineStatus.TooLong;
                }

                if (_length == 0)
                {
                    return ConsoleLineStatus.Pending;
                }

                Line = new string(_buffer, 0, _length);
                _length = 0;
                return ConsoleLineStatus.Complete;
            }

            if (c == '\b' || c == (char)0x7F)
            {
                if (_overflow > 0)
                {
                    _overflow--;
                }
                else if (_length > 0)
                {
                    _length--;
                }

                return ConsoleLineStatus.Pending;
            }

            if (c < ' ')
            {
                return ConsoleLineStatus.Pending;
            }

            if (_length < (PasteLines ? MaximumPasteLineLength : MaximumLineLength) && _overflow == 0)
            {
                _buffer[_length++] = c;
            }
            else
            {
                _overflow++;
            }

            return ConsoleLineStatus.Pending;
        }
    }
}
