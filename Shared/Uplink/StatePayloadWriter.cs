using DcMonitor.Shared.Commands;

namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// Writes a reading's MQTT state JSON (<see cref="HomeAssistantDiscovery.StatePayload"/>: volts with three decimals, milliamps
    /// with two, watts and watt-hours with three, duty, sequence, address) into one reused character buffer, so the bridge's
    /// publish of a reading allocates at most the message's own bytes (the MQTT client needs an array of exactly its length; with
    /// <see cref="StatePayloadBuffers"/> not even those), not the dozen strings that concatenating the parts would. Not thread-safe: one per publishing thread.
    /// </summary>
    public sealed class StatePayloadWriter
    {
        /// <summary>Longest state text: every field at its widest (it stays well below).</summary>
        public const int MaximumLength = 192;

        private readonly char[] _text = new char[MaximumLength];
        private int _length;

        /// <summary>The state of <paramref name="reading"/> as ASCII bytes (the JSON holds no other characters).</summary>
        public byte[] Encode(UplinkReading reading)
        {
            Fill(reading);
            return CopyTo(new byte[_length]);
        }

        /// <summary>
        /// The state of <paramref name="reading"/> as ASCII bytes, in an array of exactly its length rented from
        /// <paramref name="buffers"/> (free it with <see cref="StatePayloadBuffers.ReturnAll"/> once the broker acknowledged it).
        /// </summary>
        public byte[] Encode(UplinkReading reading, StatePayloadBuffers buffers)
        {
            Fill(reading);
            return CopyTo(buffers.Rent(_length));
        }

        /// <summary>The state of <paramref name="reading"/> as text.</summary>
        public string Text(UplinkReading reading)
        {
            Fill(reading);
            return new string(_text, 0, _length);
        }

        private byte[] CopyTo(byte[] bytes)
        {
            for (int i = 0; i < _length; i++)
            {
                bytes[i] = (byte)_text[i];
            }

            return bytes;
        }

        private void Fill(UplinkReading reading)
        {
            long milliwatts = (long)reading.BusMillivolts * reading.CurrentMicroamps / 1000000;
            _length = 0;
            Append("{\"voltage\":");
            Number(reading.BusMillivolts, 3);
            Append(",\"current\":");
            Number(reading.CurrentMicroamps / 10, 2);
            Append(",\"power\":");
            Number(milliwatts, 3);
            if (reading.EnergyKnown)
            {
                Append(",\"energy\":");
                Number(reading.EnergyMilliwattHours, 3);
            }

            Append(",\"duty\":");
            Number(reading.DutyPercent, 0);
            Append(",\"sequence\":");
            Number(reading.Sequence, 0);
            Append(",\"address\":");
            Number(reading.Address, 0);
            Append("}");
        }

        private void Append(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                _text[_length++] = text[i];
            }
        }

        private void Number(long scaled, int decimals)
        {
            _length += DecimalText.Write(_text, _length, scaled, decimals);
        }
    }
}
