using DcMonitor.Shared.Commands;
using DcMonitor.UniversalNode.Commands;

namespace DcMonitor.UniversalNode.Mesh
{
    /// <summary>
    /// One SEND that the vendor server handed to the command executor and that awaits its reply: the requester's
    /// handle, the encoding to answer in and the response window of a group SEND (0: unicast, answered at once). The server keeps a fixed pool of these
    /// (<see cref="PooledCommandRequest"/>), so a SEND allocates no closure (issue 16). Worker thread only.
    /// </summary>
    internal sealed class VendorRequest : PooledCommandRequest
    {
        private readonly VendorServer _server;
        private int _handle;
        private bool _binary;
        private int _window;

        /// <summary>Creates a free request that answers through <paramref name="server"/>.</summary>
        public VendorRequest(VendorServer server)
        {
            _server = server;
        }

        /// <summary>Takes the request for one SEND; <paramref name="window"/> is its response window, ms (0 for a unicast SEND).</summary>
        public void Start(int handle, bool binary, int window)
        {
            _handle = handle;
            _binary = binary;
            _window = window;
            Take();
        }

        /// <inheritdoc/>
        protected override void Answer(NodeReply reply)
        {
            _server.Answer(_handle, _binary, _window, reply);
        }
    }
}
