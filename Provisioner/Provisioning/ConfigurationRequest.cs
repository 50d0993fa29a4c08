using DcMonitor.MeshInterop;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Provisioning;

namespace DcMonitor.Provisioner.Provisioning
{
    /// <summary>
    /// The Config Client message of each configuration step (seed §6, in its order; parameters from
    /// <see cref="MeshConfigMessages"/>): the opcode and its on-air parameters for a node.
    /// </summary>
    public sealed class ConfigurationRequest
    {
        private ConfigurationRequest(int opcode, byte[] parameters)
        {
            Opcode = opcode;
            Parameters = parameters;
        }

        /// <summary>The request opcode.</summary>
        public int Opcode { get; private set; }

        /// <summary>The request parameters, on-air format.</summary>
        public byte[] Parameters { get; private set; }

        /// <summary>
        /// The request for <paramref name="step"/> (a <see cref="ConfigurationStep"/> bit) to the node at <paramref name="address"/>;
        /// <paramref name="relayPlanned"/> is the Relay state <see cref="ConfigurationStep.RelayState"/> sets (true when the last relay plan
        /// selected the node).
        /// </summary>
        public static ConfigurationRequest For(int step, int address, byte[] appKey, bool relayPlanned)
        {
            switch (step)
            {
                case ConfigurationStep.Composition:
                    return new ConfigurationRequest(MeshConfigMessages.CompositionDataGet, MeshConfigMessages.CompositionDataGetParameters(0));
                case ConfigurationStep.AppKey:
                    return new ConfigurationRequest(MeshConfigMessages.AppKeyAdd, MeshConfigMessages.AppKeyAddParameters(0, 0, appKey));
                case ConfigurationStep.BindOnOffServer:
                    return Bind(address, MeshConfigMessages.SigModel, 0x1000);
                case ConfigurationStep.BindOnOffClient:
                    return Bind(address, MeshConfigMessages.SigModel, 0x1001);
                case ConfigurationStep.BindVendorServer:
                    return Bind(address, MeshProtocol.CompanyId, MeshProtocol.VendorServerModelId);
                case ConfigurationStep.BindVendorClient:
                    return Bind(address, MeshProtocol.CompanyId, MeshProtocol.VendorClientModelId);
                case ConfigurationStep.Subscription:
                    return new ConfigurationRequest(MeshConfigMessages.ModelSubscriptionAdd,
                        MeshConfigMessages.ModelSubscriptionAddParameters(address, NodeAddressing.AllNodesGroupAddress, MeshProtocol.CompanyId, MeshProtocol.VendorServerModelId));
                case ConfigurationStep.UplinkPublication:
                    // Publish TTL 0xFF = the node's default TTL; period 0 = the application decides when; no retransmissions.
                    return new ConfigurationRequest(MeshConfigMessages.ModelPublicationSet, MeshConfigMessages.ModelPublicationSetParameters(address,
                        NodeAddressing.UplinkGroupAddress, 0, 0xFF, 0, 0, 0, MeshProtocol.CompanyId, MeshProtocol.VendorServerModelId));
                case ConfigurationStep.UplinkSubscription:
                    return new ConfigurationRequest(MeshConfigMessages.ModelSubscriptionAdd,
                        MeshConfigMessages.ModelSubscriptionAddParameters(address, NodeAddressing.UplinkGroupAddress, MeshProtocol.CompanyId, MeshProtocol.VendorClientModelId));
                case ConfigurationStep.RelayOn:
                    return new ConfigurationRequest(MeshConfigMessages.RelaySet, MeshConfigMessages.RelaySetParameters(true, 4, 1)); // 5 transmissions, 20 ms (seed §1.6)
                case ConfigurationStep.RelayState:
                    return new ConfigurationRequest(MeshConfigMessages.RelaySet,
                        MeshConfigMessages.RelaySetParameters(relayPlanned, RelayPlanner.RelayRetransmitCount, RelayPlanner.RelayRetransmitSteps));
                default:
                    return new ConfigurationRequest(MeshConfigMessages.DefaultTtlSet, MeshConfigMessages.DefaultTtlSetParameters(MeshComposition.StandardDefaultTtl));
            }
        }

        private static ConfigurationRequest Bind(int address, int companyId, int modelId)
        {
            return new ConfigurationRequest(MeshConfigMessages.ModelAppBind, MeshConfigMessages.ModelAppBindParameters(address, 0, companyId, modelId));
        }
    }
}
