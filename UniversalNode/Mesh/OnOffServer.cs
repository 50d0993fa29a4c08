using DcMonitor.MeshInterop;
using DcMonitor.Shared.Commands;
using DcMonitor.UniversalNode.Commands;
using DcMonitor.UniversalNode.Load;

namespace DcMonitor.UniversalNode.Mesh
{
    /// <summary>
    /// The Generic OnOff server (seed protocol §4.11): Set 1 → duty 100 %, Set 0 → duty 0 % (through the command
    /// executor, so a ramp is cancelled like any duty command); acknowledged Sets and Gets are answered with the
    /// present state (the seed never answered Get, B11). Present state = load duty above 0. Worker thread only.
    /// </summary>
    public sealed class OnOffServer
    {
        private const int OnOffGet = 0x8201;

        private readonly MeshNode _mesh;
        private readonly CommandExecutor _executor;
        private readonly LoadController _load;

        /// <summary>Creates the server.</summary>
        public OnOffServer(MeshNode mesh, CommandExecutor executor, LoadController load)
        {
            _mesh = mesh;
            _executor = executor;
            _load = load;
        }

        /// <summary>Handles an OnOff Set, Set Unacknowledged or Get.</summary>
        public void OnMessage(ReceivedMeshEvent message)
        {
            int handle = message.RequestHandle;
            if (message.Opcode == OnOffGet)
            {
                _mesh.ReplyOnOffStatus(handle, _load.DutyPercent > 0);
                return;
            }

            bool on = message.Value != 0;
            bool accepted = _executor.Submit(on ? "duty:100" : "s", delegate(NodeReply reply)
            {
                if (handle != 0)
                {
                    _mesh.ReplyOnOffStatus(handle, _load.DutyPercent > 0);
                }
            });
            if (!accepted && handle != 0)
            {
                // Command queue full: the Set is not applied. Generic OnOff has no "busy" status, so the acknowledged Set is
                // answered at once with the unchanged present state rather than left to time out.
                _mesh.ReplyOnOffStatus(handle, _load.DutyPercent > 0);
            }
        }
    }
}
