using System;

namespace DcMonitor.Shared.Mesh
{
    /// <summary>
    /// Node ids and mesh addresses (seed protocol §1.3). Node id = unicast address − 0x0005, the same through
    /// any gateway node. The seed allowed ids 0–9; this firmware allows 0–63 (issue: at least 64 nodes),
    /// which the Pi's <c>NODE&lt;digits&gt;</c> format carries unchanged.
    /// </summary>
    public static class NodeAddressing
    {
        /// <summary>Unicast address of node id 0 (seed <c>NODE_BASE_ADDR</c>).</summary>
        public const int FirstNodeAddress = 0x0005;

        /// <summary>Number of node ids: 0 to <see cref="MaximumNodes"/> − 1.</summary>
        public const int MaximumNodes = 250;

        /// <summary>Group address every universal node's vendor server subscribes to: "ALL" (seed <c>MESH_GROUP_ADDR</c>).</summary>
        public const int AllNodesGroupAddress = 0xC000;

        /// <summary>
        /// Group address of the MQTT uplink (this firmware; not in the seed): every universal node's vendor server publishes its
        /// reports and heartbeats here and its vendor client subscribes to it, so every uplink candidate hears every node.
        /// </summary>
        public const int UplinkGroupAddress = 0xC001;

        /// <summary>Unicast address of the provisioner (seed §1.3).</summary>
        public const int ProvisionerAddress = 0x0001;

        /// <summary>True for a valid node id (0–63).</summary>
        public static bool IsNodeId(int nodeId)
        {
            return nodeId >= 0 && nodeId < MaximumNodes;
        }

        /// <summary>Unicast address of a node id.</summary>
        /// <exception cref="ArgumentOutOfRangeException">nodeId is not 0–63.</exception>
        public static int UnicastOf(int nodeId)
        {
            if (!IsNodeId(nodeId))
            {
                throw new ArgumentOutOfRangeException("nodeId");
            }

            return FirstNodeAddress + nodeId;
        }

        /// <summary>
        /// Node id of a source address, or -1 when the address is not a node's (the provisioner at 0x0001, a
        /// group, anything outside 0x0005–0x0044). The seed reported such sources as <c>NODE0</c> (seed §9 B12).
        /// </summary>
        public static int NodeIdOf(int unicastAddress)
        {
            int nodeId = unicastAddress - FirstNodeAddress;
            return IsNodeId(nodeId) ? nodeId : -1;
        }
    }
}
