namespace DcMonitor.MeshInterop
{
    /// <summary>
    /// A copy of a <see cref="MeshEvent"/> (the interop reuses its instance) to hand to the worker thread. Either made per event
    /// (<see cref="ReceivedMeshEvent(MeshEvent)"/>: its <see cref="Payload"/> has the payload's exact length), or made once and
    /// refilled for each event (<see cref="ReceivedMeshEvent(int)"/>, <see cref="CopyFrom"/>: its payload is valid up to
    /// <see cref="PayloadLength"/>), so that receiving an event allocates nothing (issue 16).
    /// </summary>
    public sealed class ReceivedMeshEvent
    {
        private readonly byte[] _buffer;

        /// <summary>Copies the event's fields and payload (exact length).</summary>
        public ReceivedMeshEvent(MeshEvent meshEvent)
        {
            _buffer = new byte[meshEvent.PayloadLength];
            CopyFrom(meshEvent);
        }

        /// <summary>
        /// An empty copy to refill with <see cref="CopyFrom"/>: payloads up to <paramref name="payloadCapacity"/> bytes (0 to
        /// <see cref="MeshEvent.MaximumPayloadLength"/>) are copied into one buffer made here; a longer one gets an array of its own.
        /// </summary>
        /// <exception cref="System.ArgumentOutOfRangeException">payloadCapacity is outside 0 to <see cref="MeshEvent.MaximumPayloadLength"/>.</exception>
        public ReceivedMeshEvent(int payloadCapacity)
        {
            if (payloadCapacity < 0 || payloadCapacity > MeshEvent.MaximumPayloadLength)
            {
                throw new System.ArgumentOutOfRangeException("payloadCapacity");
            }

            _buffer = new byte[payloadCapacity];
            Payload = _buffer;
        }

        /// <summary>See <see cref="MeshEvent.Kind"/>.</summary>
        public MeshEventKind Kind { get; private set; }

        /// <summary>See <see cref="MeshEvent.Source"/>.</summary>
        public int Source { get; private set; }

        /// <summary>See <see cref="MeshEvent.Destination"/>.</summary>
        public int Destination { get; private set; }

        /// <summary>See <see cref="MeshEvent.Opcode"/>.</summary>
        public int Opcode { get; private set; }

        /// <summary>See <see cref="MeshEvent.RequestHandle"/>.</summary>
        public int RequestHandle { get; private set; }

        /// <summary>See <see cref="MeshEvent.Value"/>.</summary>
        public int Value { get; private set; }

        /// <summary>The payload bytes, valid up to <see cref="PayloadLength"/> (the array may be longer in a refilled copy).</summary>
        public byte[] Payload { get; private set; }

        /// <summary>Valid bytes in <see cref="Payload"/>.</summary>
        public int PayloadLength { get; private set; }

        /// <summary>Replaces this copy's fields and payload with <paramref name="meshEvent"/>'s.</summary>
        public void CopyFrom(MeshEvent meshEvent)
        {
            Set(meshEvent.Kind, meshEvent.Source, meshEvent.Destination, meshEvent.Opcode, meshEvent.RequestHandle, meshEvent.Value, meshEvent.Payload, meshEvent.PayloadLength);
        }

        /// <summary>A separate copy of this one whose <see cref="Payload"/> has the payload's exact length (for a receiver that keeps it or reads the array's length).</summary>
        public ReceivedMeshEvent ExactCopy()
        {
            ReceivedMeshEvent copy = new ReceivedMeshEvent(PayloadLength);
            copy.Set(Kind, Source, Destination, Opcode, RequestHandle, Value, Payload, PayloadLength);
            return copy;
        }

        private void Set(MeshEventKind kind, int source, int destination, int opcode, int requestHandle, int value, byte[] payload, int length)
        {
            Kind = kind;
            Source = source;
            Destination = destination;
            Opcode = opcode;
            RequestHandle = requestHandle;
            Value = value;
            Payload = length <= _buffer.Length ? _buffer : new byte[length];
            PayloadLength = length;
            for (int i = 0; i < length; i++)
            {
                Payload[i] = payload[i];
            }
        }

        /// <summary>The payload as ASCII text (bytes outside printable ASCII become '?').</summary>
        public string PayloadText()
        {
            return PrintableAscii(Payload, 0, PayloadLength);
        }

        /// <summary>
        /// <paramref name="length"/> bytes of <paramref name="bytes"/> from <paramref name="offset"/> as text: printable ASCII
        /// (0x20–0x7E) as itself, every other byte as '?'.
        /// </summary>
        public static string PrintableAscii(byte[] bytes, int offset, int length)
        {
            char[] text = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte b = bytes[offset + i];
                text[i] = b >= 0x20 && b <= 0x7E ? (char)b : '?';
            }

            return new string(text);
        }
    }
}
