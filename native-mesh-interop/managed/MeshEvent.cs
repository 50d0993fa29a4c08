namespace DcMonitor.MeshInterop
{
    /// <summary>
    /// One event from the mesh stack or the GATT bridge, decoded from a native event record. One instance is
    /// reused for every event (no allocation per event): copy what you keep before returning from the handler.
    /// <para>Native record layout (little-endian), <see cref="RecordHeaderLength"/> bytes then the payload:
    /// <c>[0]</c> kind, <c>[1..2]</c> source address, <c>[3..4]</c> destination address, <c>[5..8]</c> opcode,
    /// <c>[9..10]</c> request handle, <c>[11..12]</c> status or value (signed), <c>[13..14]</c> payload length,
    /// <c>[15..]</c> payload.</para>
    /// <para>The battery monitor central's records (<see cref="MeshEventKind.BatteryMonitorFound"/> … <see cref="MeshEventKind.BatteryMonitorFailed"/>,
    /// native/esp/dcm_ble_central.c) use the same header: opcode = address type (Found) or the failed step (Failed), request handle =
    /// the connection handle, value = RSSI (Found), NimBLE's disconnect reason (Disconnected) or the stack's error code (Failed);
    /// payload = address then name (Found), address (Ready), the 0xFFF4 value (Notification).</para>
    /// </summary>
    public sealed class MeshEvent
    {
        /// <summary>Bytes before the payload in a native record.</summary>
        public const int RecordHeaderLength = 15;

        /// <summary>Largest payload a record carries: a full access payload (380 bytes, Mesh Profile 3.7.3) or a GATT write.</summary>
        public const int MaximumPayloadLength = 380;

        /// <summary>What happened.</summary>
        public MeshEventKind Kind { get; private set; }

        /// <summary>Source address of a received message (for <see cref="MeshEventKind.Provisioned"/>: the new own address).</summary>
        public int Source { get; private set; }

        /// <summary>Destination of a received message (own unicast or a group), or of the send an outcome is about.</summary>
        public int Destination { get; private set; }

        /// <summary>Access opcode (1-, 2- or 3-byte value, e.g. 0xC002E5).</summary>
        public int Opcode { get; private set; }

        /// <summary>Handle to answer a received request with (<see cref="MeshNode.ReplyVendor"/>, <see cref="MeshNode.ReplyOnOffStatus"/>); 0 if none.</summary>
        public int RequestHandle { get; private set; }

        /// <summary>Status code (0 = success) or small value (OnOff state, MTU, connection handle, lost count), per kind.</summary>
        public int Value { get; private set; }

        /// <summary>Payload buffer (access parameters without the opcode, or GATT bytes); valid up to <see cref="PayloadLength"/>.</summary>
        public byte[] Payload { get; } = new byte[MaximumPayloadLength];

        /// <summary>Valid bytes in <see cref="Payload"/>.</summary>
        public int PayloadLength { get; private set; }

        /// <summary>Decodes a native record; false (event unchanged) when it is malformed.</summary>
        public bool Decode(byte[] record, int length)
        {
            if (length < RecordHeaderLength)
            {
                return false;
            }

            int payloadLength = record[13] | (record[14] << 8);
            if (payloadLength > MaximumPayloadLength || RecordHeaderLength + payloadLength > length)
            {
                return false;
            }

            Kind = (MeshEventKind)record[0];
            Source = record[1] | (record[2] << 8);
            Destination = record[3] | (record[4] << 8);
            Opcode = record[5] | (record[6] << 8) | (record[7] << 16) | (record[8] << 24);
            RequestHandle = record[9] | (record[10] << 8);
            Value = (short)(record[11] | (record[12] << 8));
            PayloadLength = payloadLength;
            for (int i = 0; i < payloadLength; i++)
            {
                Payload[i] = record[RecordHeaderLength + i];
            }

            return true;
        }
    }
}
