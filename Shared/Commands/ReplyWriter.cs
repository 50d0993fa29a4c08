namespace DcMonitor.Shared.Commands
{
    /// <summary>
    /// One ASCII message (a node's reply text, a DC02 notification) built in a byte buffer that is reused from message to message,
    /// so formatting a reply allocates nothing (issue 16). Text that does not fit the capacity is not written and sets
    /// <see cref="Overflowed"/>, which the caller must check (a reply too long to forward is an error, never cut in silence).
    /// A character outside ASCII is written as <c>?</c>. Not thread-safe: each user owns an instance.
    /// </summary>
    public sealed class ReplyWriter
    {
        private readonly byte[] _buffer;
        private readonly char[] _digits = new char[DecimalText.MaximumLength];

        /// <summary>Creates a writer holding at most <paramref name="capacityBytes"/> bytes (1 or more).</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">capacityBytes below 1.</exception>
        public ReplyWriter(int capacityBytes)
        {
            if (capacityBytes < 1)
            {
                throw new System.ArgumentOutOfRangeException("capacityBytes");
            }

            _buffer = new byte[capacityBytes];
        }

        /// <summary>The message bytes: the first <see cref="Length"/> are valid.</summary>
        public byte[] Buffer => _buffer;

        /// <summary>Bytes written since <see cref="Clear"/>.</summary>
        public int Length { get; private set; }

        /// <summary>Most bytes the writer holds.</summary>
        public int Capacity => _buffer.Length;

        /// <summary>True when something appended since <see cref="Clear"/> did not fit (it was left out).</summary>
        public bool Overflowed { get; private set; }

        /// <summary>Starts a new message.</summary>
        public void Clear()
        {
            Length = 0;
            Overflowed = false;
        }

        /// <summary>Appends <paramref name="text"/> (null appends nothing).</summary>
        public void Append(string text)
        {
            if (text == null)
            {
                return;
            }

            for (int i = 0; i < text.Length; i++)
            {
                AppendCharacter(text[i]);
            }
        }

        /// <summary>Appends <paramref name="count"/> characters of <paramref name="characters"/> from <paramref name="offset"/>.</summary>
        public void Append(char[] characters, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                AppendCharacter(characters[offset + i]);
            }
        }

        /// <summary>Appends <paramref name="count"/> bytes of ASCII text from <paramref name="offset"/> of <paramref name="bytes"/>.</summary>
        public void Append(byte[] bytes, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                AppendByte(bytes[offset + i]);
            }
        }

        /// <summary>Appends <paramref name="value"/> in decimal, as <c>int.ToString()</c> writes it.</summary>
        public void AppendInteger(int value)
        {
            AppendDecimal(value, 0);
        }

        /// <summary>Appends <paramref name="scaled"/> / 10^<paramref name="decimals"/> as <see cref="DecimalText"/> writes it.</summary>
        public void AppendDecimal(long scaled, int decimals)
        {
            Append(_digits, 0, DecimalText.Write(_digits, 0, scaled, decimals));
        }

        /// <summary>The message as a string (allocates: for tests and diagnostics, not for the paths of issue 16).</summary>
        public override string ToString()
        {
            char[] characters = new char[Length];
            for (int i = 0; i < Length; i++)
            {
                characters[i] = (char)_buffer[i];
            }

            return new string(characters, 0, Length);
        }

        private void AppendCharacter(char character)
        {
            AppendByte(character < 0x80 ? (byte)character : (byte)'?');
        }

        private void AppendByte(byte value)
        {
            if (Length == _buffer.Length)
            {
                Overflowed = true;
                return;
            }

            _buffer[Length++] = value;
        }
    }
}
