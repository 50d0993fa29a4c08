namespace DcMonitor.Emulator.Mesh.Stack.Access
{
    /// <summary>
    /// The TTL of a vendor server's reply, scoped to the hops its request took, as the native glue sets it
    /// (native-mesh-interop/native/core/dcm_reply_ttl.h): relays stop forwarding the reply beyond the requester's distance
    /// instead of flooding the mesh (issue 15 part 6, docs/airtime-benchmark.md).
    /// </summary>
    /// <remarks>
    /// A relay forwards a PDU with TTL − 1 only when it received a TTL of 2 or more (Mesh Profile 1.0.1 §3.4.6.3), so a request
    /// sent with <see cref="RequestTtl"/> and received with TTL r crossed hops = <see cref="RequestTtl"/> − r + 1 radio hops, and a
    /// reply with TTL hops reaches back over as many. The reply takes one hop of margin for an asymmetric path: hops + 1.
    /// </remarks>
    internal static class ReplyTtl
    {
        /// <summary>TTL of the gateway's vendor requests (UniversalNode MeshGatewayAdapter.VendorTtl; DCM_REQUEST_TTL), 7.</summary>
        public const int RequestTtl = 7;

        /// <summary>"Use the node's Default TTL" as a send's TTL argument (ESP_BLE_MESH_TTL_DEFAULT, DCM_REPLY_TTL_DEFAULT).</summary>
        public const int Default = 0xFF;

        /// <summary>
        /// The reply TTL for a request received with TTL <paramref name="receivedTtl"/> (0–127): hops + 1, 2 for a request heard
        /// directly; <see cref="Default"/> when that would not be below <see cref="RequestTtl"/> (never above the default) or when
        /// the received TTL is above <see cref="RequestTtl"/> (a sender with a larger TTL: the hops are unknown).
        /// </summary>
        public static int For(int receivedTtl)
        {
            if (receivedTtl > RequestTtl)
            {
                return Default;
            }

            int hops = RequestTtl - receivedTtl + 1;
            return hops + 1 < RequestTtl ? hops + 1 : Default;
        }
    }
}
