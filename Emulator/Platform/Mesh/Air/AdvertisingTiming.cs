using System;

namespace DcMonitor.Emulator.Mesh.Air
{
    /// <summary>
    /// The timing constants of the advertising bearer as <see cref="TimedAirScheduler"/> models it, and the length and
    /// airtime of a mesh network PDU. Each constant names its source; docs/air-model.md explains the choices.
    /// </summary>
    public static class AdvertisingTiming
    {
        /// <summary>LE 1M PHY: 1 µs per bit, 8 µs per byte (Core spec Vol 6 Part A 3.1 / Part B 1.2).</summary>
        public const int MicrosecondsPerByte = 8;

        /// <summary>
        /// Bytes on air around an ADV_NONCONN_IND's network PDU: preamble 1 + access address 4 + PDU header 2 + AdvA 6 +
        /// AD length 1 + AD type 0x2A «Mesh Message» 1 + CRC 3 (Core spec Vol 6 Part B 2.1 and 2.3.1.3; Mesh Profile 3.3.1).
        /// </summary>
        public const int AdvertisingOverheadBytes = 18;

        /// <summary>Network PDU header: IVI/NID 1 + CTL/TTL 1 + SEQ 3 + SRC 2 + DST 2 (Mesh Profile 3.4.4).</summary>
        public const int NetworkHeaderBytes = 9;

        /// <summary>NetMIC of an access message's network PDU, 32 bits (Mesh Profile 3.4.4).</summary>
        public const int AccessNetworkMicBytes = 4;

        /// <summary>NetMIC of a control message's network PDU, 64 bits (Mesh Profile 3.4.4).</summary>
        public const int ControlNetworkMicBytes = 8;

        /// <summary>TransMIC of an access message encrypted with a 32-bit MIC (Mesh Profile 3.6.2).</summary>
        public const int TransportMicBytes = 4;

        /// <summary>Lower transport header of an unsegmented access message (Mesh Profile 3.5.2.1).</summary>
        public const int UnsegmentedHeaderBytes = 1;

        /// <summary>Lower transport header of a segmented access message (Mesh Profile 3.5.2.2).</summary>
        public const int SegmentedHeaderBytes = 4;

        /// <summary>Segment Acknowledgment lower transport PDU: header 1 + OBO/SeqZero 2 + BlockAck 4 (Mesh Profile 3.5.2.3.1).</summary>
        public const int SegmentAcknowledgementBytes = 7;

        /// <summary>The three primary advertising channels, used in this order in every advertising event (Core spec Vol 6 Part B 4.4.2.1).</summary>
        public static readonly int[] AdvertisingChannels = { 37, 38, 39 };

        /// <summary>
        /// Gap from the end of the PDU on one advertising channel to the start on the next, 500 µs: an assumption for a typical
        /// controller (the Core spec, Vol 6 Part B 4.4.2.2.1, only bounds the start-to-start spacing at 10 ms).
        /// </summary>
        public const int ChannelGapMicroseconds = 500;

        /// <summary>Largest random advDelay added to each advertising event, 10 ms (Core spec Vol 6 Part B 4.4.2.2.1: 0–10 ms).</summary>
        public const int MaximumAdvertisingDelayMicroseconds = 10_000;

        /// <summary>
        /// Advertising interval between the transmissions of one radio, 20 ms: ESP-BLE-MESH uses MAX(ADV_ITVL_MIN 20 ms,
        /// the Network Transmit / Relay Retransmit interval), and this firmware configures 20 ms for both (seed protocol
        /// "Network transmit" / "Relay retransmit"; docs/reference/esp-ble-mesh.md §4 "adv time per PDU").
        /// </summary>
        public const int AdvertisingIntervalMicroseconds = 20_000;

        /// <summary>
        /// Least delay from the end of a reception to the start of an advertising event it causes (network layer processing
        /// and queueing to the advertiser), 1 ms: an assumption; also the look-ahead of the scheduler (docs/air-model.md).
        /// </summary>
        public const int ReactionMicroseconds = 1_000;

        /// <summary>
        /// Scan interval and scan window, both 10 ms (continuous scanning, one channel per interval, 37 → 38 → 39): the
        /// values of the Zephyr / NimBLE mesh advertiser (adv.c MESH_SCAN_INTERVAL = MESH_SCAN_WINDOW = 0x10 × 0.625 ms),
        /// from which ESP-BLE-MESH is derived.
        /// </summary>
        public const int ScanIntervalMicroseconds = 10_000;

        /// <summary>Scan window, equal to the interval (100 % duty cycle); see <see cref="ScanIntervalMicroseconds"/>.</summary>
        public const int ScanWindowMicroseconds = 10_000;

        /// <summary>Microseconds one advertising PDU carrying a network PDU of <paramref name="networkPduBytes"/> bytes occupies one channel.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Length outside 1–29 bytes (an AD structure holds at most 29 bytes of network PDU).</exception>
        public static int Airtime(int networkPduBytes)
        {
            if (networkPduBytes < 1 || networkPduBytes > 29)
            {
                throw new ArgumentOutOfRangeException(nameof(networkPduBytes), networkPduBytes, "A mesh network PDU in an advertisement is 1 to 29 bytes.");
            }

            return (AdvertisingOverheadBytes + networkPduBytes) * MicrosecondsPerByte;
        }

        /// <summary>
        /// Microseconds of one whole advertising event: the PDU on channels 37, 38 and 39 with the channel gap between them
        /// (<c>3 × airtime + 2 × gap</c>).
        /// </summary>
        public static int EventDuration(int networkPduBytes) => 3 * Airtime(networkPduBytes) + 2 * ChannelGapMicroseconds;

        /// <summary>
        /// Bytes of the network PDU that carries <paramref name="pdu"/>: for a Segment Acknowledgment 9 + 7 + 8; for a segment
        /// 9 + 4 + its share of the upper transport PDU (access message + TransMIC, 12 bytes a segment) + 4; unsegmented
        /// 9 + 1 + access message + TransMIC + 4. Beacons and provisioning PDUs use their own AD types and are given the
        /// longest length, 29 bytes (an upper bound: this is no provisioning bearer model).
        /// </summary>
        public static int NetworkPduLength(NetworkPdu pdu)
        {
            if (pdu.Kind != NetworkPdu.NetworkKind)
            {
                return 29;
            }

            if (pdu.Control)
            {
                return NetworkHeaderBytes + SegmentAcknowledgementBytes + ControlNetworkMicBytes;
            }

            int opcode = pdu.Opcode;
            int opcodeLength = opcode > 0xFFFF ? 3 : opcode > 0xFF ? 2 : 1;
            int upperTransport = opcodeLength + (pdu.Parameters?.Length ?? 0) + TransportMicBytes;
            if (pdu.SegmentCount <= 1)
            {
                return NetworkHeaderBytes + UnsegmentedHeaderBytes + upperTransport + AccessNetworkMicBytes;
            }

            int segmentBytes = Math.Min(12, upperTransport - pdu.SegmentIndex * 12);
            return NetworkHeaderBytes + SegmentedHeaderBytes + Math.Max(1, segmentBytes) + AccessNetworkMicBytes;
        }
    }
}
