using DcMonitor.Emulator.Mesh.Stack.DirectedForwarding;

namespace DcMonitor.Emulator.Mesh.Stack.Foundation
{
    /// <summary>
    /// The Directed Forwarding Configuration Server model of a node (Mesh Protocol 1.1; ESP-IDF v5.5.4 <c>ESP_BLE_MESH_MODEL_DF_SRV</c>,
    /// message fields as <c>esp_ble_mesh_df_model_api.h</c>), serving the three requests the provisioner sends
    /// (docs/directed-forwarding.md, "Installing the paths"), encrypted with the node's device key like every configuration message:
    /// <list type="bullet">
    /// <item>Directed Control Set: NetKey index (2), Directed Forwarding (0/1), Directed Relay (0/1), Directed Proxy, Directed Proxy Use
    /// Directed Default, Directed Friend (each 0, 1 or 0xFF = leave). Relay on with forwarding off is prohibited (ESP-IDF's
    /// <c>esp_ble_mesh_enable_directed_forwarding</c> refuses it too): the message is dropped. Answered by Directed Control Status:
    /// status, NetKey index, the five states (proxy and friend: 0x02, not supported — the emulation has neither).</item>
    /// <item>Forwarding Table Add: NetKey index (bits 0–11) with the Unicast Destination (bit 12) and Backward Path Validated (bit 13)
    /// flags, the path origin's unicast address range, the path target's range (or a group destination), the bearers toward the
    /// path origin and target (2 each; bit 0 advertising, bit 1 GATT). Answered by Forwarding Table Status: status, NetKey index,
    /// path origin, destination. An entry already held for the pair is kept (Success: a repeated request after a lost status changes
    /// nothing); a full table answers Insufficient Resources (<see cref="ForwardingTable.Capacity"/>).</item>
    /// <item>Forwarding Table Dependents Add: NetKey index, path origin, destination, the sizes of the dependent origin and dependent
    /// target lists, then the lists' unicast address ranges. Answered by Forwarding Table Dependents Status (same fields as Forwarding
    /// Table Status): Invalid Path Entry when no fixed path for the pair is held, Insufficient Resources when the entry cannot hold
    /// every range (<see cref="ForwardingTable.DependentCapacity"/>; what fitted stays). A range already held is not added twice.</item>
    /// </list>
    /// A unicast address range on the air: 2 bytes little-endian, bit 0 Length Present, bits 1–15 the range start; then the range
    /// length (2–255) when present (a one-address range has none). What this emulation does not hold (the provisioner never sends it):
    /// a path origin or target of more than one address and group destinations (Invalid Path Entry), dependent targets (Insufficient
    /// Resources). Status codes are the specification's (Invalid NetKey Index 0x04, Insufficient Resources 0x05, Invalid Path Entry
    /// 0x12, Invalid Bearer 0x15); which ones ESP-IDF's closed library sends in each case cannot be read (docs/directed-forwarding.md).
    /// A node without the DF server model (the provisioner) drops these requests unanswered. Used by the Config Server with the node's gate held.
    /// </summary>
    internal sealed class DirectedForwardingServer
    {
        private const int Ignore = 0xFF;
        private const int NotSupported = 0x02;
        private const int KnownBearers = 0x0003;

        private readonly NodeState _node;

        /// <summary>The DF server of <paramref name="node"/>.</summary>
        public DirectedForwardingServer(NodeState node)
        {
            _node = node;
        }

        /// <summary>
        /// The answer to a Directed Forwarding Configuration request (caller holds the gate); null when <paramref name="opcode"/> is no such
        /// request, the node has no DF server, or the parameters are malformed. <paramref name="changed"/> tells whether a state changed (then
        /// the node's settings hold the new states; the caller saves them).
        /// </summary>
        public byte[] ServeRequest(int opcode, byte[] p, out bool changed)
        {
            changed = false;
            if ((_node.Models & NativeContract.DirectedForwardingServer) == 0)
            {
                return null;
            }

            byte[] reply;
            switch (opcode)
            {
                case ConfigurationMessages.DirectedControlSet:
                    reply = DirectedControlSet(p, out changed);
                    break;
                case ConfigurationMessages.ForwardingTableAdd:
                    reply = ForwardingTableAdd(p, out changed);
                    break;
                case ConfigurationMessages.ForwardingTableDependentsAdd:
                    reply = ForwardingTableDependentsAdd(p, out changed);
                    break;
                default:
                    return null;
            }

            if (changed)
            {
                _node.Directed.SaveTo(_node.Settings);
            }

            return reply;
        }

        private byte[] DirectedControlSet(byte[] p, out bool changed)
        {
            changed = false;
            if (p.Length != 7 || p[2] > 1 || p[3] > 1 || (p[2] == 0 && p[3] == 1) || !IgnoredOrFlag(p[4]) || !IgnoredOrFlag(p[5]) || !IgnoredOrFlag(p[6]))
            {
                return null; // prohibited values: the message is ignored
            }

            int netKeyIndex = p[0] | (p[1] << 8);
            int status = netKeyIndex != _node.Settings.NetKeyIndex ? ConfigurationMessages.StatusInvalidNetKeyIndex : ConfigurationMessages.StatusSuccess;
            if (status == ConfigurationMessages.StatusSuccess)
            {
                DirectedForwardingState state = _node.Directed;
                changed = state.Forwarding != (p[2] == 1) || state.Relay != (p[3] == 1);
                state.Forwarding = p[2] == 1;
                state.Relay = p[3] == 1;
            }

            return new[]
            {
                (byte)status, p[0], p[1], (byte)(_node.Directed.Forwarding ? 1 : 0), (byte)(_node.Directed.Relay ? 1 : 0), (byte)NotSupported, (byte)Ignore, (byte)NotSupported,
            };
        }

        private byte[] ForwardingTableAdd(byte[] p, out bool changed)
        {
            changed = false;
            int offset = 2;
            if (p.Length < 2 || (p[1] & 0xC0) != 0 || !ReadRange(p, ref offset, out int origin, out int originLength))
            {
                return null;
            }

            bool unicastDestination = (p[1] & 0x10) != 0;
            bool twoWay = (p[1] & 0x20) != 0;
            int destination;
            int destinationLength = 1;
            if (unicastDestination)
            {
                if (!ReadRange(p, ref offset, out destination, out destinationLength))
                {
                    return null;
                }
            }
            else
            {
                if (p.Length < offset + 2)
                {
                    return null;
                }

                destination = p[offset] | (p[offset + 1] << 8);
                offset += 2;
            }

            if (p.Length != offset + 4)
            {
                return null;
            }

            int towardOrigin = p[offset] | (p[offset + 1] << 8);
            int towardTarget = p[offset + 2] | (p[offset + 3] << 8);
            int netKeyIndex = p[0] | ((p[1] & 0x0F) << 8);
            int status;
            if (netKeyIndex != _node.Settings.NetKeyIndex)
            {
                status = ConfigurationMessages.StatusInvalidNetKeyIndex;
            }
            else if (!unicastDestination || originLength != 1 || destinationLength != 1 || !IsUnicast(origin) || !IsUnicast(destination) || origin == destination)
            {
                status = ConfigurationMessages.StatusInvalidPathEntry;
            }
            else if ((towardOrigin & ~KnownBearers) != 0 || (towardTarget & ~KnownBearers) != 0)
            {
                status = ConfigurationMessages.StatusInvalidBearer;
            }
            else
            {
                bool held = _node.Directed.Table.Find(origin, destination) != null;
                status = _node.Directed.Table.Add(origin, destination, twoWay) == null ? ConfigurationMessages.StatusInsufficientResources : ConfigurationMessages.StatusSuccess;
                changed = !held && status == ConfigurationMessages.StatusSuccess;
            }

            return TableStatus(status, netKeyIndex, origin, destination);
        }

        private byte[] ForwardingTableDependentsAdd(byte[] p, out bool changed)
        {
            changed = false;
            if (p.Length < 8)
            {
                return null;
            }

            int originCount = p[6];
            int targetCount = p[7];
            int offset = 8;
            var ranges = new int[originCount * 2];
            for (int i = 0; i < originCount; i++)
            {
                if (!ReadRange(p, ref offset, out ranges[i * 2], out ranges[i * 2 + 1]))
                {
                    return null;
                }
            }

            for (int i = 0; i < targetCount; i++)
            {
                if (!ReadRange(p, ref offset, out _, out _))
                {
                    return null;
                }
            }

            if (offset != p.Length || originCount + targetCount == 0)
            {
                return null;
            }

            int netKeyIndex = p[0] | (p[1] << 8);
            int origin = p[2] | (p[3] << 8);
            int destination = p[4] | (p[5] << 8);
            ForwardingEntry entry = _node.Directed.Table.Find(origin, destination);
            int status = netKeyIndex != _node.Settings.NetKeyIndex ? ConfigurationMessages.StatusInvalidNetKeyIndex
                : entry == null ? ConfigurationMessages.StatusInvalidPathEntry
                : targetCount != 0 ? ConfigurationMessages.StatusInsufficientResources
                : ConfigurationMessages.StatusSuccess;
            for (int i = 0; status == ConfigurationMessages.StatusSuccess && i < originCount; i++)
            {
                if (!IsUnicast(ranges[i * 2]) || ranges[i * 2] + ranges[i * 2 + 1] - 1 > 0x7FFF)
                {
                    status = ConfigurationMessages.StatusInvalidPathEntry;
                    break;
                }

                int before = entry.DependentRangeCount;
                if (!entry.AddDependentOrigins(ranges[i * 2], ranges[i * 2 + 1], ForwardingTable.DependentCapacity))
                {
                    status = ConfigurationMessages.StatusInsufficientResources;
                }

                changed |= entry.DependentRangeCount != before;
            }

            return TableStatus(status, netKeyIndex, origin, destination);
        }

        /// <summary>Reads a unicast address range at <paramref name="offset"/> (2 or 3 bytes); false when the bytes run out or a present length is below 2.</summary>
        private static bool ReadRange(byte[] p, ref int offset, out int first, out int length)
        {
            first = 0;
            length = 0;
            if (p.Length < offset + 2)
            {
                return false;
            }

            int word = p[offset] | (p[offset + 1] << 8);
            first = word >> 1;
            length = 1;
            offset += 2;
            if ((word & 1) != 0)
            {
                if (p.Length < offset + 1 || p[offset] < 2)
                {
                    return false;
                }

                length = p[offset];
                offset++;
            }

            return true;
        }

        private static byte[] TableStatus(int status, int netKeyIndex, int origin, int destination) =>
            new[] { (byte)status, (byte)netKeyIndex, (byte)(netKeyIndex >> 8), (byte)origin, (byte)(origin >> 8), (byte)destination, (byte)(destination >> 8) };

        private static bool IgnoredOrFlag(byte value) => value <= 1 || value == Ignore;

        private static bool IsUnicast(int address) => address >= 0x0001 && address <= 0x7FFF;
    }
}
