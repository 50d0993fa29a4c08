namespace DcMonitor.MeshInterop
{
    /// <summary>A copy of a <see cref="MeshEvent"/> (the interop reuses its instance) to hand to the worker thread.</summary>
    public sealed class ReceivedMeshEvent
    {
        /// <summary>Copies the event's fields and payload.</summary>
        public ReceivedMeshEvent(MeshEvent meshEvent)
        {
            Kind = meshEvent.Kind;
            Source = meshEvent.Source;
            Destination = meshEvent.Destination;
            Opcode = meshEvent.Opcode;
            RequestHandle = meshEvent.RequestHandle;
            Value = meshEvent.Value;
            Payload = new byte[meshEvent.PayloadLength];
            for (int i = 0; i < Payload.Length; i++)
            {
                Payload[i] = meshEvent.Payload[i];
            }
        }

        /// <summary>See <see cref="MeshEvent.Kind"/>.</summary>
        public MeshEventKind Kind { get; }

        /// <summary>See <see cref="MeshEvent.Source"/>.</summary>
        public int Source { get; }

        /// <summary>See <see cref="MeshEvent.Destination"/>.</summary>
        public int Destination { get; }

        /// <summary>See <see cref="MeshEvent.Opcode"/>.</summary>
        public int Opcode { get; }

        /// <summary>See <see cref="MeshEvent.RequestHandle"/>.</summary>
        public int RequestHandle { get; }

        /// <summary>See <see cref="MeshEvent.Value"/>.</summary>
        public int Value { get; }

        /// <summary>The payload bytes (exact length).</summary>
        public byte[] Payload { get; }

        /// <summary>The payload as ASCII text (bytes above 0x7E become '?').</summary>
        public string PayloadText()
        {
            char[] text = new char[Payload.Length];
            for (int i = 0; i < text.Length; i++)
            {
                byte b = Payload[i];
                text[i] = b >= 0x20 && b <= 0x7E ? (char)b : '?';
            }

            return new string(text);
        }
    }
}
