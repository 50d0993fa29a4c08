using DcMonitor.Shared.Commands;
using DcMonitor.UniversalNode.Commands;

namespace DcMonitor.UniversalNode.Mesh
{
    /// <summary>
    /// One SEND that the vendor server handed to the command executor and that awaits its reply: the requester's
    /// handle, the encoding to answer in and the response window of a group SEND (0: unicast, answered at once). The server keeps a fixed pool of these, each
    /// with its reply handler created once, so a SEND allocates no closure (issue 16). Worker thread only.
    /// </summary>
    internal sealed class VendorRequest
    {
        private readonly VendorServer _server;
        private int _handle;
        private bool _binary;
        private int _window;

        /// <summary>Creates a free request that answers through <paramref name="server"/>.</summary>
        public VendorRequest(VendorServer server)
        {
            _server = server;
            Reply = OnReply;
        }

        /// <summary>True from <see cref="Start"/> until its reply arrives or <see cref="Release"/>.</summary>
        public bool InUse { get; private set; }

        /// <summary>The handler given to the executor (the same delegate every time).</summary>
        public CommandReplyHandler Reply { get; }

        /// <summary>Takes the request for one SEND; <paramref name="window"/> is its response window, ms (0 for a unicast SEND).</summary>
        public void Start(int handle, bool binary, int window)
        {
            _handle = handle;
            _binary = binary;
            _window = window;
            InUse = true;
        }

        /// <summary>Frees the request without an answer (the executor refused the command).</summary>
        public void Release()
        {
            InUse = false;
        }

        private void OnReply(NodeReply reply)
        {
            InUse = false;
            _server.Answer(_handle, _binary, _window, reply);
        }
    }
}
