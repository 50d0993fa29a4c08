namespace DcMonitor.Shared.Provisioning
{
    /// <summary>
    /// The steps that bring a provisioned node to "fully configured", as bits of <see cref="ProvisionedNode.StepsDone"/>, in the
    /// seed's order (seed §6: Composition Data Get, AppKey Add, bind OnOff Server, OnOff Client, vendor server, vendor client,
    /// subscribe the vendor server to 0xC000), each only for models the node has; a relay node (seed §7) then gets Relay Set
    /// (on) and Default TTL Set (7) so its relay state is confirmed, not assumed; a node with both vendor models then gets the MQTT
    /// uplink's two steps (vendor server publication to, and vendor client subscription to, the uplink group 0xC001). Every other
    /// node gets its Relay state (<see cref="RelayState"/>: off, or on where the last relay plan selected it) right after its
    /// composition, before any other step, so a growing mesh never has every node relaying (docs/provisioning.md, "Pacing").
    /// A step is done only when its status confirmed it.
    /// </summary>
    public static class ConfigurationStep
    {
        /// <summary>Composition data page 0 read and valid.</summary>
        public const int Composition = 0x01;

        /// <summary>AppKey 0 added.</summary>
        public const int AppKey = 0x02;

        /// <summary>AppKey bound to the Generic OnOff Server.</summary>
        public const int BindOnOffServer = 0x04;

        /// <summary>AppKey bound to the Generic OnOff Client.</summary>
        public const int BindOnOffClient = 0x08;

        /// <summary>AppKey bound to the vendor server.</summary>
        public const int BindVendorServer = 0x10;

        /// <summary>AppKey bound to the vendor client.</summary>
        public const int BindVendorClient = 0x20;

        /// <summary>Vendor server subscribed to the ALL group 0xC000.</summary>
        public const int Subscription = 0x40;

        /// <summary>Relay turned on (relay nodes).</summary>
        public const int RelayOn = 0x80;

        /// <summary>Default TTL 7 set (relay nodes).</summary>
        public const int DefaultTtl = 0x100;

        /// <summary>Vendor server publishes to the uplink group 0xC001 (universal nodes; MQTT uplink).</summary>
        public const int UplinkPublication = 0x200;

        /// <summary>Vendor client subscribed to the uplink group 0xC001 (universal nodes; MQTT uplink).</summary>
        public const int UplinkSubscription = 0x400;

        /// <summary>
        /// Relay state set to the plan's (off unless the last relay selection chose the node) on a node that is not a relay node image;
        /// done without a message when the composition shows no relay feature. Sent right after the composition.
        /// </summary>
        public const int RelayState = 0x800;

        /// <summary>Every step.</summary>
        public const int All = 0xFFF;

        /// <summary>The order steps are done in: the composition, the relay state, then the seed's order.</summary>
        private static readonly int[] Order = new int[]
        {
            Composition, RelayState, AppKey, BindOnOffServer, BindOnOffClient, BindVendorServer, BindVendorClient, Subscription,
            RelayOn, DefaultTtl, UplinkPublication, UplinkSubscription,
        };

        /// <summary>The steps a node with <paramref name="models"/> (CompositionData model bits) needs; before its composition is known, the first two.</summary>
        public static int Required(int models, bool compositionKnown, bool relayNode)
        {
            if (!compositionKnown)
            {
                return Composition | AppKey;
            }

            int steps = Composition;
            int appModels = CompositionData.GenericOnOffServer | CompositionData.GenericOnOffClient | CompositionData.VendorServer | CompositionData.VendorClient;
            if ((models & appModels) != 0)
            {
                steps |= AppKey;
            }

            steps |= (models & CompositionData.GenericOnOffServer) != 0 ? BindOnOffServer : 0;
            steps |= (models & CompositionData.GenericOnOffClient) != 0 ? BindOnOffClient : 0;
            steps |= (models & CompositionData.VendorServer) != 0 ? BindVendorServer | Subscription : 0;
            steps |= (models & CompositionData.VendorClient) != 0 ? BindVendorClient : 0;
            steps |= relayNode ? RelayOn | DefaultTtl : RelayState;
            int vendorModels = CompositionData.VendorServer | CompositionData.VendorClient;
            steps |= (models & vendorModels) == vendorModels ? UplinkPublication | UplinkSubscription : 0;
            return steps;
        }

        /// <summary>The next step to do (the composition, the relay state, then the seed's order), 0 when every required step is done.</summary>
        public static int Next(int required, int done)
        {
            int missing = required & ~done;
            for (int i = 0; i < Order.Length; i++)
            {
                if ((missing & Order[i]) != 0)
                {
                    return Order[i];
                }
            }

            return 0;
        }

        /// <summary>A short name for logs and the console.</summary>
        public static string Name(int step)
        {
            switch (step)
            {
                case Composition: return "composition";
                case AppKey: return "appkey";
                case BindOnOffServer: return "bind-onoff-server";
                case BindOnOffClient: return "bind-onoff-client";
                case BindVendorServer: return "bind-vendor-server";
                case BindVendorClient: return "bind-vendor-client";
                case Subscription: return "subscribe-all";
                case RelayOn: return "relay-on";
                case DefaultTtl: return "default-ttl";
                case UplinkPublication: return "publish-uplink";
                case UplinkSubscription: return "subscribe-uplink";
                case RelayState: return "relay-state";
                default: return "none";
            }
        }
    }
}
