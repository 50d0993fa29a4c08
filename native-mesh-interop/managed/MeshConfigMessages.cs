using System;

namespace DcMonitor.MeshInterop
{
    /// <summary>
    /// Config Client requests of the provisioner primitives (Mesh Profile 1.0.1 §4.3.2 for opcodes and parameter formats):
    /// each builder returns the request's parameters in their on-air format, which <see cref="MeshNode.SendConfigRequest"/>
    /// takes with the matching opcode. The native side decodes them into ESP-IDF's <c>esp_ble_mesh_cfg_client_*_state_t</c>
    /// (a malformed parameter block is refused with <see cref="MeshResult.InvalidArgument"/> there too).
    /// <para>Model identifiers: a SIG model is 2 bytes (model id), a vendor model 4 bytes (company id, then model id), both
    /// little-endian, as in composition data (§4.2.1). Pass <see cref="SigModel"/> as the company id of a SIG model.</para>
    /// </summary>
    public static class MeshConfigMessages
    {
        /// <summary>Company id value that marks a SIG model (ESP-IDF ESP_BLE_MESH_CID_NVAL).</summary>
        public const int SigModel = 0xFFFF;

        /// <summary>Config Composition Data Get (§4.3.2.4); answered by <see cref="CompositionDataStatus"/>.</summary>
        public const int CompositionDataGet = 0x8008;

        /// <summary>Config Composition Data Status (§4.3.2.5): page, then the page's data.</summary>
        public const int CompositionDataStatus = 0x02;

        /// <summary>Config AppKey Add (§4.3.2.37); answered by <see cref="AppKeyStatus"/>.</summary>
        public const int AppKeyAdd = 0x00;

        /// <summary>Config AppKey Status (§4.3.2.40): status, NetKey and AppKey indexes.</summary>
        public const int AppKeyStatus = 0x8003;

        /// <summary>Config Model App Bind (§4.3.2.46); answered by <see cref="ModelAppStatus"/>.</summary>
        public const int ModelAppBind = 0x803D;

        /// <summary>Config Model App Status (§4.3.2.48).</summary>
        public const int ModelAppStatus = 0x803E;

        /// <summary>Config Model Subscription Add (§4.3.2.19); answered by <see cref="ModelSubscriptionStatus"/>.</summary>
        public const int ModelSubscriptionAdd = 0x801B;

        /// <summary>Config Model Subscription Status (§4.3.2.26).</summary>
        public const int ModelSubscriptionStatus = 0x801F;

        /// <summary>Config Model Publication Set (§4.3.2.16); answered by <see cref="ModelPublicationStatus"/>.</summary>
        public const int ModelPublicationSet = 0x03;

        /// <summary>Config Model Publication Status (§4.3.2.18).</summary>
        public const int ModelPublicationStatus = 0x8019;

        /// <summary>Config Relay Set (§4.3.2.13); answered by <see cref="RelayStatus"/>.</summary>
        public const int RelaySet = 0x8027;

        /// <summary>Config Relay Status (§4.3.2.14): relay state, retransmit.</summary>
        public const int RelayStatus = 0x8028;

        /// <summary>Config Default TTL Set (§4.3.2.7); answered by <see cref="DefaultTtlStatus"/>.</summary>
        public const int DefaultTtlSet = 0x800D;

        /// <summary>Config Default TTL Status (§4.3.2.8).</summary>
        public const int DefaultTtlStatus = 0x800E;

        /// <summary>Config Node Reset (§4.3.2.53): the node forgets its provisioning; answered by <see cref="NodeResetStatus"/>.</summary>
        public const int NodeReset = 0x8049;

        /// <summary>Config Node Reset Status (§4.3.2.54), no parameters.</summary>
        public const int NodeResetStatus = 0x804A;

        /// <summary>Config Heartbeat Publication Set (§4.3.2.62); answered by <see cref="HeartbeatPublicationStatus"/>.</summary>
        public const int HeartbeatPublicationSet = 0x8039;

        /// <summary>Config Heartbeat Publication Status (§4.3.2.63): status, destination, CountLog, PeriodLog, TTL, features, NetKey index.</summary>
        public const int HeartbeatPublicationStatus = 0x06;

        /// <summary>Config Heartbeat Subscription Get (§4.3.2.64), no parameters; answered by <see cref="HeartbeatSubscriptionStatus"/>.</summary>
        public const int HeartbeatSubscriptionGet = 0x803A;

        /// <summary>Config Heartbeat Subscription Set (§4.3.2.65); answered by <see cref="HeartbeatSubscriptionStatus"/>.</summary>
        public const int HeartbeatSubscriptionSet = 0x803B;

        /// <summary>Config Heartbeat Subscription Status (§4.3.2.66): status, source, destination, PeriodLog, CountLog, min hops, max hops.</summary>
        public const int HeartbeatSubscriptionStatus = 0x803C;

        /// <summary>Largest CountLog and PeriodLog value (2^(n−1) messages or seconds, §4.2.17.2–3); CountLog 0xFF means indefinitely.</summary>
        public const int HeartbeatLogMaximum = 0x11;

        /// <summary>The status opcode that answers <paramref name="requestOpcode"/>; -1 for an opcode these primitives do not send.</summary>
        public static int StatusFor(int requestOpcode)
        {
            switch (requestOpcode)
            {
                case CompositionDataGet: return CompositionDataStatus;
                case AppKeyAdd: return AppKeyStatus;
                case ModelAppBind: return ModelAppStatus;
                case ModelSubscriptionAdd: return ModelSubscriptionStatus;
                case ModelPublicationSet: return ModelPublicationStatus;
                case RelaySet: return RelayStatus;
                case DefaultTtlSet: return DefaultTtlStatus;
                case NodeReset: return NodeResetStatus;
                case HeartbeatPublicationSet: return HeartbeatPublicationStatus;
                case HeartbeatSubscriptionSet: return HeartbeatSubscriptionStatus;
                case HeartbeatSubscriptionGet: return HeartbeatSubscriptionStatus;
                default: return -1;
            }
        }

        /// <summary>Composition Data Get parameters: the page number (0–255; page 0 is the one every node has).</summary>
        /// <exception cref="ArgumentOutOfRangeException">page outside 0–255.</exception>
        public static byte[] CompositionDataGetParameters(int page)
        {
            CheckRange(page, 0, 255, "page");
            return new byte[] { (byte)page };
        }

        /// <summary>AppKey Add parameters: NetKey index and AppKey index (12 bits each, packed in 3 bytes) then the 16-byte AppKey.</summary>
        /// <exception cref="ArgumentOutOfRangeException">An index outside 0–4095.</exception>
        /// <exception cref="ArgumentException">The key is not 16 bytes.</exception>
        public static byte[] AppKeyAddParameters(int netKeyIndex, int appKeyIndex, byte[] appKey)
        {
            CheckRange(netKeyIndex, 0, 0xFFF, "netKeyIndex");
            CheckRange(appKeyIndex, 0, 0xFFF, "appKeyIndex");
            if (appKey == null || appKey.Length != MeshProvisioning.KeyLength)
            {
                throw new ArgumentException("AppKey must be 16 bytes");
            }

            byte[] parameters = new byte[3 + MeshProvisioning.KeyLength];
            parameters[0] = (byte)netKeyIndex;
            parameters[1] = (byte)((netKeyIndex >> 8) | (appKeyIndex << 4));
            parameters[2] = (byte)(appKeyIndex >> 4);
            Array.Copy(appKey, 0, parameters, 3, MeshProvisioning.KeyLength);
            return parameters;
        }

        /// <summary>Model App Bind parameters: element address, AppKey index, model identifier.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Element address not unicast, index outside 0–4095, or an id outside 0–0xFFFF.</exception>
        public static byte[] ModelAppBindParameters(int elementAddress, int appKeyIndex, int companyId, int modelId)
        {
            CheckRange(appKeyIndex, 0, 0xFFF, "appKeyIndex");
            return WithModel(elementAddress, appKeyIndex, companyId, modelId);
        }

        /// <summary>Model Subscription Add parameters: element address, group address (0xC000–0xFFFF), model identifier.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Element address not unicast, a group address outside 0xC000–0xFFFF, or an id outside 0–0xFFFF.</exception>
        public static byte[] ModelSubscriptionAddParameters(int elementAddress, int groupAddress, int companyId, int modelId)
        {
            CheckRange(groupAddress, 0xC000, 0xFFFF, "groupAddress");
            return WithModel(elementAddress, groupAddress, companyId, modelId);
        }

        /// <summary>
        /// Model Publication Set parameters: element address, publish address, AppKey index (credential flag 0), publish TTL
        /// (0–127 or 0xFF = default TTL), period (Mesh Profile §4.2.2.2 encoding, 0 = no periodic publishing), retransmit count
        /// 0–7 and interval steps 0–31, model identifier.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Any field outside its range.</exception>
        public static byte[] ModelPublicationSetParameters(int elementAddress, int publishAddress, int appKeyIndex, int publishTtl, int period,
            int retransmitCount, int retransmitIntervalSteps, int companyId, int modelId)
        {
            CheckRange(elementAddress, 0x0001, 0x7FFF, "elementAddress");
            CheckRange(publishAddress, 0, 0xFFFF, "publishAddress");
            CheckRange(appKeyIndex, 0, 0xFFF, "appKeyIndex");
            if (publishTtl != 0xFF)
            {
                CheckRange(publishTtl, 0, 127, "publishTtl");
            }

            CheckRange(period, 0, 255, "period");
            CheckRange(retransmitCount, 0, 7, "retransmitCount");
            CheckRange(retransmitIntervalSteps, 0, 31, "retransmitIntervalSteps");
            byte[] model = ModelIdentifier(companyId, modelId);
            byte[] parameters = new byte[9 + model.Length];
            parameters[0] = (byte)elementAddress;
            parameters[1] = (byte)(elementAddress >> 8);
            parameters[2] = (byte)publishAddress;
            parameters[3] = (byte)(publishAddress >> 8);
            parameters[4] = (byte)appKeyIndex;
            parameters[5] = (byte)(appKeyIndex >> 8);
            parameters[6] = (byte)publishTtl;
            parameters[7] = (byte)period;
            parameters[8] = (byte)(retransmitCount | (retransmitIntervalSteps << 3));
            Array.Copy(model, 0, parameters, 9, model.Length);
            return parameters;
        }

        /// <summary>Relay Set parameters: relay on/off and the relay retransmit (count 0–7, interval steps 0–31, i.e. (steps + 1) × 10 ms).</summary>
        /// <exception cref="ArgumentOutOfRangeException">count or steps outside their range.</exception>
        public static byte[] RelaySetParameters(bool enabled, int retransmitCount, int retransmitIntervalSteps)
        {
            CheckRange(retransmitCount, 0, 7, "retransmitCount");
            CheckRange(retransmitIntervalSteps, 0, 31, "retransmitIntervalSteps");
            return new byte[] { (byte)(enabled ? 1 : 0), (byte)(retransmitCount | (retransmitIntervalSteps << 3)) };
        }

        /// <summary>Default TTL Set parameters: 0 or 2–127 (1 is prohibited, §4.2.7).</summary>
        /// <exception cref="ArgumentOutOfRangeException">ttl 1 or outside 0–127.</exception>
        public static byte[] DefaultTtlSetParameters(int ttl)
        {
            CheckRange(ttl, 0, 127, "ttl");
            if (ttl == 1)
            {
                throw new ArgumentOutOfRangeException("ttl", "Default TTL 1 is prohibited");
            }

            return new byte[] { (byte)ttl };
        }

        /// <summary>
        /// Heartbeat Publication Set parameters (§4.3.2.62): destination (unassigned, unicast or group), CountLog (0–0x11, or 0xFF for
        /// indefinitely), PeriodLog (0–0x11: a heartbeat every 2^(n−1) s, 0 = none), TTL (0–127: 1 reaches direct neighbours only),
        /// features that also trigger a heartbeat when they change (bits 0–3: relay, proxy, friend, low power), NetKey index.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Any field outside its range, or a virtual destination.</exception>
        public static byte[] HeartbeatPublicationSetParameters(int destination, int countLog, int periodLog, int ttl, int features, int netKeyIndex)
        {
            CheckHeartbeatDestination(destination, "destination");
            if (countLog != 0xFF)
            {
                CheckRange(countLog, 0, HeartbeatLogMaximum, "countLog");
            }

            CheckRange(periodLog, 0, HeartbeatLogMaximum, "periodLog");
            CheckRange(ttl, 0, 127, "ttl");
            CheckRange(features, 0, 0x000F, "features");
            CheckRange(netKeyIndex, 0, 0xFFF, "netKeyIndex");
            return new byte[]
            {
                (byte)destination, (byte)(destination >> 8), (byte)countLog, (byte)periodLog, (byte)ttl, (byte)features, (byte)(features >> 8),
                (byte)netKeyIndex, (byte)(netKeyIndex >> 8),
            };
        }

        /// <summary>
        /// Heartbeat Subscription Set parameters (§4.3.2.65): the one source whose heartbeats are counted (unicast, or 0 to stop), the
        /// destination they are sent to (unassigned, unicast or group), PeriodLog (0–0x11: count for 2^(n−1) s, 0 = stop).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Any field outside its range.</exception>
        public static byte[] HeartbeatSubscriptionSetParameters(int source, int destination, int periodLog)
        {
            CheckRange(source, 0, 0x7FFF, "source");
            CheckHeartbeatDestination(destination, "destination");
            CheckRange(periodLog, 0, HeartbeatLogMaximum, "periodLog");
            return new byte[] { (byte)source, (byte)(source >> 8), (byte)destination, (byte)(destination >> 8), (byte)periodLog };
        }

        private static void CheckHeartbeatDestination(int address, string name)
        {
            CheckRange(address, 0, 0xFFFF, name);
            if (address >= 0x8000 && address < 0xC000)
            {
                throw new ArgumentOutOfRangeException(name, "virtual address " + address.ToString() + " is prohibited for heartbeats");
            }
        }

        private static byte[] WithModel(int elementAddress, int middle, int companyId, int modelId)
        {
            CheckRange(elementAddress, 0x0001, 0x7FFF, "elementAddress");
            byte[] model = ModelIdentifier(companyId, modelId);
            byte[] parameters = new byte[4 + model.Length];
            parameters[0] = (byte)elementAddress;
            parameters[1] = (byte)(elementAddress >> 8);
            parameters[2] = (byte)middle;
            parameters[3] = (byte)(middle >> 8);
            Array.Copy(model, 0, parameters, 4, model.Length);
            return parameters;
        }

        private static byte[] ModelIdentifier(int companyId, int modelId)
        {
            CheckRange(companyId, 0, 0xFFFF, "companyId");
            CheckRange(modelId, 0, 0xFFFF, "modelId");
            if (companyId == SigModel)
            {
                return new byte[] { (byte)modelId, (byte)(modelId >> 8) };
            }

            return new byte[] { (byte)companyId, (byte)(companyId >> 8), (byte)modelId, (byte)(modelId >> 8) };
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
