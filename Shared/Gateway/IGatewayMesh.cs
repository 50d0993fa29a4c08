using DcMonitor.Shared.Commands;

namespace DcMonitor.Shared.Gateway
{
    /// <summary>
    /// What the gateway role needs from the mesh (implemented by the node over the managed mesh API). Calls
    /// return at once; outcomes come back to <see cref="GatewayProcessor"/> as events (status received, send
    /// failed, timed out) on the node's worker thread.
    /// </summary>
    public interface IGatewayMesh
    {
        /// <summary>This node's unicast address as the stack reports it; 0 while unprovisioned.</summary>
        int OwnAddress { get; }

        /// <summary>True when the AppKey is bound to this node's vendor client model (the stack's state, seed §9 B15).</summary>
        bool VendorClientBound { get; }

        /// <summary>
        /// Sends the node command <paramref name="command"/> (<see cref="NodeCommandKind.Read"/>, <see cref="NodeCommandKind.SetDuty"/>
        /// with <paramref name="dutyPercent"/>, <see cref="NodeCommandKind.Ramp"/>, <see cref="NodeCommandKind.Stop"/>: the text
        /// <c>read</c>, <c>duty:50</c>, <c>r</c>, <c>s</c> of <see cref="NodeCommandText"/>) with the vendor client, TTL 7: to a unicast
        /// address as an acknowledged send (the stack times out after 5 s), to the group 0xC000 unacknowledged. The adapter picks the
        /// encoding (binary for our nodes, text otherwise). False when the stack refused the send at once.
        /// </summary>
        bool SendVendor(int destination, NodeCommandKind command, int dutyPercent);

        /// <summary>
        /// Sends the node command (as <see cref="SendVendor"/>) to the all-nodes group 0xC000 (unacknowledged, TTL 7) asking each node to
        /// answer after a random delay of 20 ms to <paramref name="responseWindowMilliseconds"/> (carried by the binary SEND; the seed's
        /// text SEND keeps 20–500 ms). False when the stack refused the send at once.
        /// </summary>
        bool SendVendorToGroup(NodeCommandKind command, int dutyPercent, int responseWindowMilliseconds);

        /// <summary>Sends an acknowledged Generic OnOff Set (TTL 3, 2 s timeout). False when the stack refused it.</summary>
        bool SendOnOff(int destination, bool on);
    }
}
