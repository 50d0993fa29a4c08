using System;

namespace DcMonitor.MeshInterop
{
    /// <summary>
    /// Directed Forwarding Configuration Client requests the provisioner sends to install fixed paths (Mesh Protocol 1.1 directed
    /// forwarding; opcodes and fields as ESP-IDF v5.5.4 <c>esp_ble_mesh_df_model_api.h</c>; docs/directed-forwarding.md). Each builder
    /// returns the request's parameters in their on-air format, which <see cref="MeshNode.SendConfigRequest"/> takes with the matching
    /// opcode, like the Config Client requests of <see cref="MeshConfigMessages"/>: the native side decodes them into
    /// <c>esp_ble_mesh_df_client_set_t</c> and sends them with <c>esp_ble_mesh_df_client_set_state</c> (the device key of the
    /// destination), and the status comes back as a configuration status event in its on-air format.
    /// <para>A unicast address range on the air: 2 bytes little-endian, bit 0 Length Present, bits 1–15 the first address; then the
    /// length (2–255) when present — a one-address range has no length byte.</para>
    /// </summary>
    public static class DirectedForwardingMessages
    {
        /// <summary>Directed Control Set; answered by <see cref="DirectedControlStatus"/>.</summary>
        public const int DirectedControlSet = 0x807C;

        /// <summary>Directed Control Status: status, NetKey index (2), Directed Forwarding, Directed Relay, Directed Proxy, Directed Proxy Use Directed Default, Directed Friend.</summary>
        public const int DirectedControlStatus = 0x807D;

        /// <summary>Forwarding Table Add; answered by <see cref="ForwardingTableStatus"/>.</summary>
        public const int ForwardingTableAdd = 0x8084;

        /// <summary>Forwarding Table Status: status, NetKey index (2), path origin (2), destination (2).</summary>
        public const int ForwardingTableStatus = 0x8086;

        /// <summary>Forwarding Table Dependents Add; answered by <see cref="ForwardingTableDependentsStatus"/>.</summary>
        public const int ForwardingTableDependentsAdd = 0x8087;

        /// <summary>Forwarding Table Dependents Status: status, NetKey index (2), path origin (2), destination (2).</summary>
        public const int ForwardingTableDependentsStatus = 0x8089;

        /// <summary>Length of the three statuses above with a Forwarding Table layout, bytes.</summary>
        public const int ForwardingTableStatusLength = 7;

        /// <summary>Bearer index of the advertising bearer (bit 0 of a bearer index field).</summary>
        public const int AdvertisingBearer = 0x0001;

        /// <summary>Bearer index meaning "none": the node itself is that end of the path.</summary>
        public const int NoBearer = 0x0000;

        /// <summary>Value of the Directed Proxy, Directed Proxy Use Directed Default and Directed Friend fields that leaves the state unchanged (ESP-IDF's …_IGNORE).</summary>
        public const int Ignore = 0xFF;

        /// <summary>Dependent origin ranges one Forwarding Table Dependents Add carries at most (CONFIG_BLE_MESH_MAX_DEPS_NODES_PER_PATH, the fragment's value).</summary>
        public const int MaximumDependentRanges = 64;

        /// <summary>The status opcode that answers <paramref name="requestOpcode"/>; -1 for any other opcode.</summary>
        public static int StatusFor(int requestOpcode)
        {
            switch (requestOpcode)
            {
                case DirectedControlSet: return DirectedControlStatus;
                case ForwardingTableAdd: return ForwardingTableStatus;
                case ForwardingTableDependentsAdd: return ForwardingTableDependentsStatus;
                default: return -1;
            }
        }

        /// <summary>
        /// Directed Control Set parameters: NetKey index, Directed Forwarding and Directed Relay on or off; Directed Proxy, Directed Proxy Use
        /// Directed Default and Directed Friend left as they are (<see cref="Ignore"/>), as ESP-IDF's example does.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">netKeyIndex outside 0–4095.</exception>
        /// <exception cref="ArgumentException">relay on with forwarding off (prohibited).</exception>
        public static byte[] DirectedControlSetParameters(int netKeyIndex, bool forwarding, bool relay)
        {
            CheckRange(netKeyIndex, 0, 0xFFF, "netKeyIndex");
            if (relay && !forwarding)
            {
                throw new ArgumentException("Directed Relay needs Directed Forwarding on");
            }

            return new byte[] { (byte)netKeyIndex, (byte)(netKeyIndex >> 8), (byte)(forwarding ? 1 : 0), (byte)(relay ? 1 : 0), Ignore, Ignore, Ignore };
        }

        /// <summary>
        /// Forwarding Table Add parameters for a fixed path between two single-element nodes: NetKey index with the Unicast Destination
        /// flag set and the Backward Path Validated flag when <paramref name="twoWay"/>, path origin, path target, the bearer toward the path
        /// origin and toward the path target (<see cref="AdvertisingBearer"/>, or <see cref="NoBearer"/> on the node that is that end).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">An address that is not unicast, equal ends, a bearer outside 0–0xFFFF, or netKeyIndex outside 0–4095.</exception>
        public static byte[] ForwardingTableAddParameters(int netKeyIndex, int pathOrigin, int pathTarget, bool twoWay, int bearerTowardOrigin, int bearerTowardTarget)
        {
            CheckRange(netKeyIndex, 0, 0xFFF, "netKeyIndex");
            CheckRange(pathOrigin, 0x0001, 0x7FFF, "pathOrigin");
            CheckRange(pathTarget, 0x0001, 0x7FFF, "pathTarget");
            CheckRange(bearerTowardOrigin, 0, 0xFFFF, "bearerTowardOrigin");
            CheckRange(bearerTowardTarget, 0, 0xFFFF, "bearerTowardTarget");
            if (pathOrigin == pathTarget)
            {
                throw new ArgumentOutOfRangeException("pathTarget", "a path joins two different nodes");
            }

            int flags = netKeyIndex | 0x1000 | (twoWay ? 0x2000 : 0);
            return new byte[]
            {
                (byte)flags, (byte)(flags >> 8), (byte)(pathOrigin << 1), (byte)(pathOrigin >> 7), (byte)(pathTarget << 1), (byte)(pathTarget >> 7),
                (byte)bearerTowardOrigin, (byte)(bearerTowardOrigin >> 8), (byte)bearerTowardTarget, (byte)(bearerTowardTarget >> 8),
            };
        }

        /// <summary>
        /// Forwarding Table Dependents Add parameters: NetKey index, path origin, destination (the path target), the dependent origins as
        /// (first address, length 1–255) pairs in <paramref name="dependentOriginRanges"/> (DirectedPathPlan.AddressRanges' format), no
        /// dependent targets.
        /// </summary>
        /// <exception cref="ArgumentNullException">dependentOriginRanges is null.</exception>
        /// <exception cref="ArgumentException">No range, an odd count, or more than <see cref="MaximumDependentRanges"/> ranges.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An address that is not unicast, a range past 0x7FFF or of length outside 1–255, or netKeyIndex outside 0–4095.</exception>
        public static byte[] ForwardingTableDependentsAddParameters(int netKeyIndex, int pathOrigin, int destination, int[] dependentOriginRanges)
        {
            if (dependentOriginRanges == null)
            {
                throw new ArgumentNullException("dependentOriginRanges");
            }

            int ranges = dependentOriginRanges.Length / 2;
            if (dependentOriginRanges.Length % 2 != 0 || ranges == 0 || ranges > MaximumDependentRanges)
            {
                throw new ArgumentException("1-" + MaximumDependentRanges.ToString() + " (first, length) pairs are needed, not " + dependentOriginRanges.Length.ToString() + " numbers");
            }

            CheckRange(netKeyIndex, 0, 0xFFF, "netKeyIndex");
            CheckRange(pathOrigin, 0x0001, 0x7FFF, "pathOrigin");
            CheckRange(destination, 0x0001, 0x7FFF, "destination");
            int length = 8;
            for (int i = 0; i < ranges; i++)
            {
                CheckRange(dependentOriginRanges[i * 2], 0x0001, 0x7FFF, "first");
                CheckRange(dependentOriginRanges[i * 2 + 1], 1, 255, "length");
                CheckRange(dependentOriginRanges[i * 2] + dependentOriginRanges[i * 2 + 1] - 1, 0x0001, 0x7FFF, "last");
                length += dependentOriginRanges[i * 2 + 1] > 1 ? 3 : 2;
            }

            byte[] parameters = new byte[length];
            parameters[0] = (byte)netKeyIndex;
            parameters[1] = (byte)(netKeyIndex >> 8);
            parameters[2] = (byte)pathOrigin;
            parameters[3] = (byte)(pathOrigin >> 8);
            parameters[4] = (byte)destination;
            parameters[5] = (byte)(destination >> 8);
            parameters[6] = (byte)ranges;
            parameters[7] = 0;
            int offset = 8;
            for (int i = 0; i < ranges; i++)
            {
                int first = dependentOriginRanges[i * 2];
                int count = dependentOriginRanges[i * 2 + 1];
                int word = (first << 1) | (count > 1 ? 1 : 0);
                parameters[offset++] = (byte)word;
                parameters[offset++] = (byte)(word >> 8);
                if (count > 1)
                {
                    parameters[offset++] = (byte)count;
                }
            }

            return parameters;
        }

        private static void CheckRange(int value, int minimum, int maximum, string name)
        {
            if (value < minimum || value > maximum)
            {
                throw new ArgumentOutOfRangeException(name, name + " " + value.ToString() + " outside " + minimum.ToString() + "-" + maximum.ToString());
            }
        }
    }
}
