using System;

namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// The MQTT uplink's small mesh messages besides <see cref="ReadingReport"/>, each one unsegmented vendor message
    /// (opcodes in DcMonitor.MeshInterop.MeshProtocol). All little-endian:
    /// <list type="bullet">
    /// <item>energy report (0xC502E5), <see cref="EnergyReportLength"/> bytes: <c>[0..1]</c> the sequence of the reading report it
    /// precedes, <c>[2..5]</c> the node's energy counter in mWh;</item>
    /// <item>node identity (0xC602E5), <see cref="IdentityLength"/> bytes: the device UUID's Bluetooth-address bytes (UUID bytes 2-7,
    /// seed §1.4), from which the bridge rebuilds the UUID that names the node in MQTT;</item>
    /// <item>bridge heartbeat (0xC702E5), <see cref="HeartbeatLength"/> bytes: <c>[0]</c> flags (bit 0 candidate, bit 1 bridging now),
    /// <c>[1]</c> reserved 0;</item>
    /// <item>uplink command (0xC802E5), <see cref="CommandLength"/> bytes: <c>[0]</c> token 1-255, <c>[1..2]</c> a binary command
    /// (DcMonitor.Shared.Mesh.BinaryCommandCodec); or the identity request <c>00 FF 00</c> (<see cref="IdentityRequest"/>), which the
    /// node answers with its node identity.</item>
    /// </list>
    /// </summary>
    public static class UplinkMessages
    {
        /// <summary>Bytes of an energy report.</summary>
        public const int EnergyReportLength = 6;

        /// <summary>Bytes of a node identity.</summary>
        public const int IdentityLength = 6;

        /// <summary>Bytes of a bridge heartbeat.</summary>
        public const int HeartbeatLength = 2;

        /// <summary>Bytes of an uplink command.</summary>
        public const int CommandLength = 3;

        /// <summary>Heartbeat flag: the sender is an uplink candidate.</summary>
        public const byte CandidateFlag = 0x01;

        /// <summary>Heartbeat flag: the sender is bridging now.</summary>
        public const byte BridgingFlag = 0x02;

        /// <summary>Command byte of the identity request (outside the binary commands' 1-4).</summary>
        public const byte IdentifyCommand = 0xFF;

        /// <summary>The identity request a bridge sends to a node it cannot name yet.</summary>
        public static byte[] IdentityRequest()
        {
            return new byte[] { 0, IdentifyCommand, 0 };
        }

        /// <summary>True for an identity request payload.</summary>
        public static bool IsIdentityRequest(byte[] payload, int length)
        {
            return payload != null && length == CommandLength && payload.Length >= CommandLength && payload[0] == 0 && payload[1] == IdentifyCommand;
        }

        /// <summary>An energy report for reading <paramref name="sequence"/> with <paramref name="energyMilliwattHours"/>.</summary>
        public static byte[] EnergyReport(int sequence, uint energyMilliwattHours)
        {
            byte[] report = new byte[EnergyReportLength];
            WriteEnergyReport(sequence, energyMilliwattHours, report);
            return report;
        }

        /// <summary>Writes the energy report of <see cref="EnergyReport"/> into the first <see cref="EnergyReportLength"/> bytes of
        /// <paramref name="destination"/> (the reporter's reused buffer: no allocation per report, issue 16).</summary>
        /// <exception cref="ArgumentException">destination shorter than <see cref="EnergyReportLength"/>.</exception>
        public static void WriteEnergyReport(int sequence, uint energyMilliwattHours, byte[] destination)
        {
            Require(destination, destination == null ? 0 : destination.Length, EnergyReportLength, "energy report buffer");
            destination[0] = (byte)sequence;
            destination[1] = (byte)(sequence >> 8);
            LittleEndian.Write32(destination, 2, energyMilliwattHours);
        }

        /// <summary>The energy counter of an energy report, mWh.</summary>
        /// <exception cref="ArgumentException">Fewer than <see cref="EnergyReportLength"/> bytes.</exception>
        public static uint EnergyOf(byte[] payload, int length)
        {
            Require(payload, length, EnergyReportLength, "energy report");
            return LittleEndian.Read32(payload, 2);
        }

        /// <summary>The node identity message of <paramref name="deviceUuid"/> (16 bytes): its bytes 2-7.</summary>
        /// <exception cref="ArgumentException">Not a 16-byte UUID.</exception>
        public static byte[] Identity(byte[] deviceUuid)
        {
            Require(deviceUuid, deviceUuid == null ? 0 : deviceUuid.Length, 16, "device UUID");
            byte[] identity = new byte[IdentityLength];
            Array.Copy(deviceUuid, 2, identity, 0, IdentityLength);
            return identity;
        }

        /// <summary>The device UUID a node identity names: DD DD, the six address bytes, eight zero bytes (seed §1.4).</summary>
        /// <exception cref="ArgumentException">Fewer than <see cref="IdentityLength"/> bytes.</exception>
        public static byte[] UuidOf(byte[] identity, int length)
        {
            Require(identity, length, IdentityLength, "node identity");
            byte[] uuid = new byte[16];
            uuid[0] = 0xDD;
            uuid[1] = 0xDD;
            Array.Copy(identity, 0, uuid, 2, IdentityLength);
            return uuid;
        }

        /// <summary>A heartbeat; <paramref name="bridging"/> when the sender bridges now.</summary>
        public static byte[] Heartbeat(bool bridging)
        {
            byte[] heartbeat = new byte[HeartbeatLength];
            WriteHeartbeat(bridging, heartbeat);
            return heartbeat;
        }

        /// <summary>Writes the heartbeat of <see cref="Heartbeat"/> into the first <see cref="HeartbeatLength"/> bytes of
        /// <paramref name="destination"/> (the bridge's reused buffer: no allocation per heartbeat, issue 16).</summary>
        /// <exception cref="ArgumentException">destination shorter than <see cref="HeartbeatLength"/>.</exception>
        public static void WriteHeartbeat(bool bridging, byte[] destination)
        {
            Require(destination, destination == null ? 0 : destination.Length, HeartbeatLength, "heartbeat buffer");
            destination[0] = (byte)(CandidateFlag | (bridging ? BridgingFlag : 0));
            destination[1] = 0;
        }

        /// <summary>An uplink command: <paramref name="token"/> (1-255) and a 2-byte binary command.</summary>
        /// <exception cref="ArgumentException">Token outside 1-255 or a command that is not 2 bytes.</exception>
        public static byte[] Command(int token, byte[] binaryCommand)
        {
            if (token < 1 || token > 255)
            {
                throw new ArgumentException("uplink command: token " + token.ToString() + " outside 1-255");
            }

            Require(binaryCommand, binaryCommand == null ? 0 : binaryCommand.Length, 2, "binary command");
            return new byte[] { (byte)token, binaryCommand[0], binaryCommand[1] };
        }

        private static void Require(byte[] bytes, int length, int needed, string what)
        {
            if (bytes == null || length < needed || bytes.Length < needed)
            {
                throw new ArgumentException(what + ": " + needed.ToString() + " bytes expected, got " + (bytes == null ? 0 : length).ToString());
            }
        }
    }
}
