namespace DcMonitor.Shared.Terminal
{
    /// <summary>
    /// A PEM certificate pasted into the serial console line by line, with an explicit end and every way out a user
    /// needs, so that the console never stops answering: it ends at <c>-----END CERTIFICATE-----</c>; <c>abort</c> drops
    /// it; more than <see cref="MaximumCharacters"/> drops it; a line that cannot be PEM (anything but a
    /// <c>-----BEGIN/END …-----</c> line, base64 or a blank line, or a first line other than <c>-----BEGIN CERTIFICATE-----</c>)
    /// drops it and is handled as a command again; after <see cref="IdleTimeoutMilliseconds"/> without a line the paste
    /// is dropped and the next line is a command. Times are milliseconds of a monotonic clock (Environment.TickCount64).
    /// </summary>
    public sealed class PemPaste
    {
        /// <summary>Longest certificate text accepted, in characters (a CA certificate is 1–2 KB; a short chain fits).</summary>
        public const int MaximumCharacters = 4096;

        /// <summary>A paste with no line for this long is dropped (ms).</summary>
        public const int IdleTimeoutMilliseconds = 60000;

        /// <summary>The line that ends a paste.</summary>
        public const string EndLine = "-----END CERTIFICATE-----";

        /// <summary>The line a paste must start with.</summary>
        public const string BeginLine = "-----BEGIN CERTIFICATE-----";

        /// <summary>The word that drops a paste.</summary>
        public const string AbortWord = "abort";

        private string _text;
        private long _lastLineAt;

        /// <summary>True between <see cref="Begin"/> and the line that ends, aborts or drops the paste.</summary>
        public bool Active => _text != null;

        /// <summary>The certificate after <see cref="PemPasteStatus.Complete"/>, lines joined with <c>\n</c>; empty otherwise.</summary>
        public string Text { get; private set; } = string.Empty;

        /// <summary>Starts a paste at <paramref name="now"/> (ms).</summary>
        public void Begin(long now)
        {
            _text = string.Empty;
            Text = string.Empty;
            _lastLineAt = now;
        }

        /// <summary>Offers one console line received at <paramref name="now"/> (ms) to an active paste.</summary>
        /// <returns>What the line did; after anything but <see cref="PemPasteStatus.Continues"/> the paste is over.</returns>
        public PemPasteStatus Offer(string line, long now)
        {
            if (!Active)
            {
                return PemPasteStatus.NotPem;
            }

            long idle = now - _lastLineAt;
            _lastLineAt = now;
            string trimmed = line.Trim();
            PemPasteStatus status;
            if (idle > IdleTimeoutMilliseconds)
            {
                status = PemPasteStatus.TimedOut;
            }
            else if (trimmed.ToLower() == AbortWord)
            {
                status = PemPasteStatus.Aborted;
            }
            else if (!IsPemLine(trimmed) || (_text.Length == 0 && trimmed.Length > 0 && trimmed != BeginLine))
            {
                status = PemPasteStatus.NotPem;
            }
            else if (_text.Length + trimmed.Length + 1 > MaximumCharacters)
            {
                status = PemPasteStatus.TooLong;
            }
            else
            {
                if (trimmed.Length > 0)
                {
                    _text += trimmed + "\n";
                }

                if (trimmed != EndLine)
                {
                    return PemPasteStatus.Continues;
                }

                Text = _text;
                status = PemPasteStatus.Complete;
            }

            _text = null;
            return status;
        }

        /// <summary>True for a line a PEM file can hold: blank, base64 (A–Z, a–z, 0–9, +, /, =), or a <c>-----…-----</c> boundary.</summary>
        public static bool IsPemLine(string line)
        {
            if (line.Length > 10 && line.StartsWith("-----") && line.EndsWith("-----"))
            {
                return true;
            }

            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                bool base64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
                if (!base64)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
