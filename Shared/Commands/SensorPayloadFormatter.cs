namespace DcMonitor.Shared.Commands
{
    /// <summary>
    /// Formats the sensor payload of seed protocol §2.7 exactly: <c>D:&lt;duty&gt;%,V:&lt;volts&gt;V,I:&lt;milliamps&gt;mA,P:&lt;milliwatts&gt;mW</c>,
    /// e.g. <c>D:50%,V:12.003V,I:250.00mA,P:3000.8mW</c>. Duty is the commanded integer; V has 3 decimals;
    /// I is the absolute current with 2 decimals; P = |V × I| in mW with 1 decimal, computed here, not read
    /// from the chip. No sign, exponent, space or locale: integer arithmetic only, rounding half up.
    /// Not thread-safe: each user owns an instance (it reuses one character buffer, so a call allocates
    /// only the returned string; <see cref="Write"/> allocates nothing).
    /// </summary>
    public sealed class SensorPayloadFormatter
    {
        /// <summary>
        /// Longest possible payload for a duty of 0–100 and any register values:
        /// <c>D:100%,V:81.919V,I:40960.00mA,P:3355392.0mW</c>, 43 characters.
        /// </summary>
        public const int MaximumLength = 43;

        private const int BufferLength = 64; // room for any int duty

        private readonly char[] _buffer = new char[BufferLength];
        private int _length;

        /// <summary>Formats one payload.</summary>
        /// <param name="dutyPercent">Commanded duty, 0–100.</param>
        /// <param name="busMicrovolts">Bus voltage in µV (≥ 0).</param>
        /// <param name="currentMicroamps">Current in µA, either sign (its absolute value is shown).</param>
        public string Format(int dutyPercent, int busMicrovolts, int currentMicroamps)
        {
            Fill(dutyPercent, busMicrovolts, currentMicroamps);
            return new string(_buffer, 0, _length);
        }

        /// <summary>Appends the same payload as <see cref="Format"/> to <paramref name="destination"/>, allocating nothing.</summary>
        /// <param name="dutyPercent">Commanded duty, 0–100.</param>
        /// <param name="busMicrovolts">Bus voltage in µV (≥ 0).</param>
        /// <param name="currentMicroamps">Current in µA, either sign (its absolute value is shown).</param>
        /// <param name="destination">Where the payload goes (its <see cref="ReplyWriter.Overflowed"/> tells whether it fitted).</param>
        public void Write(int dutyPercent, int busMicrovolts, int currentMicroamps, ReplyWriter destination)
        {
            Fill(dutyPercent, busMicrovolts, currentMicroamps);
            destination.Append(_buffer, 0, _length);
        }

        /// <summary>Formats one payload into the character buffer.</summary>
        private void Fill(int dutyPercent, int busMicrovolts, int currentMicroamps)
        {
            long volts = busMicrovolts < 0 ? 0 : busMicrovolts;
            long amps = currentMicroamps < 0 ? -(long)currentMicroamps : currentMicroamps;

            _length = 0;
            Append("D:");
            AppendDecimal(dutyPercent < 0 ? 0 : dutyPercent, 0);
            Append("%,V:");
            AppendDecimal((volts + 500) / 1000, 3); // mV, shown as V with 3 decimals
            Append("V,I:");
            AppendDecimal((amps + 5) / 10, 2); // hundredths of mA
            Append("mA,P:");
            AppendDecimal(((volts * amps) + 50000000L) / 100000000L, 1); // µV × µA = 1e-12 W; tenths of mW = 1e-4 W
            Append("mW");
        }

        private void Append(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                _buffer[_length++] = text[i];
            }
        }

        /// <summary>Appends <paramref name="scaled"/> / 10^decimals with exactly <paramref name="decimals"/> digits after the point.</summary>
        private void AppendDecimal(long scaled, int decimals)
        {
            _length += DecimalText.Write(_buffer, _length, scaled, decimals);
        }
    }
}
