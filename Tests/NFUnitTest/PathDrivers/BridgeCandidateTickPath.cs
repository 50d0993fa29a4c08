using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Uplink;

namespace DcMonitor.PathDrivers
{
    /// <summary>
    /// (f) A bridge candidate's uplink ticks with heard nodes, the Shared/ steps of UplinkBridge.Tick and of its per-report
    /// bookkeeping: one operation is one heartbeat period (<see cref="BridgeElection.HeartbeatPeriodMilliseconds"/>, five 1 s
    /// ticks). Each of <see cref="HeardNodes"/> nodes reports once in the period (<see cref="HeardNodeTable.Heard"/>, its energy
    /// counter <see cref="HeardNodeTable.SetEnergy"/> / <see cref="HeardNodeTable.TryGetEnergy"/>); every tick evaluates the election
    /// (<see cref="BridgeElection.IsBridge"/>) and the availability of every heard node (<see cref="HeardNodeTable.NextFallenSilent"/>);
    /// the tick that is due writes the heartbeat into the bridge's reused 2 bytes (<see cref="UplinkMessages.WriteHeartbeat"/>) and
    /// hands them on (a counter, where UplinkBridge calls MeshNode.PublishVendor). A second candidate's heartbeats keep the
    /// election busy. The UplinkReading a bridge queues per report is the MQTT reading report's (e).
    /// </summary>
    public sealed class BridgeCandidateTickPath : WholePath
    {
        /// <summary>Nodes heard (node ids 0 to 7).</summary>
        public const int HeardNodes = 8;

        /// <summary>UplinkService.TickMilliseconds.</summary>
        public const int TickMilliseconds = 1000;

        private const int OwnAddress = NodeAddressing.FirstNodeAddress + 1;
        private const int OtherCandidate = NodeAddressing.FirstNodeAddress + 2;
        private const long Silence = 15000; // UplinkBridge.MinimumSilenceMilliseconds
        private readonly BridgeElection _election = new BridgeElection(OwnAddress, true, 0);
        private readonly HeardNodeTable _heard = new HeardNodeTable();
        private readonly byte[] _heartbeat = new byte[UplinkMessages.HeartbeatLength];
        private long _now;
        private long _nextHeartbeatAt;
        private int _heartbeats;
        private uint _energy;

        /// <inheritdoc/>
        public override string Name => "bridge candidate, per heartbeat period (5 ticks, 8 nodes heard)";

        /// <inheritdoc/>
        public override int Handed => _heartbeats;

        /// <inheritdoc/>
        public override void Run()
        {
            _energy++;
            for (int tick = 0; tick < BridgeElection.HeartbeatPeriodMilliseconds / TickMilliseconds; tick++)
            {
                _now += TickMilliseconds;
                if (tick < HeardNodes)
                {
                    ReportFrom(NodeAddressing.UnicastOf(tick)); // one node's report between two ticks
                }

                Tick();
            }

            for (int node = BridgeElection.HeartbeatPeriodMilliseconds / TickMilliseconds; node < HeardNodes; node++)
            {
                ReportFrom(NodeAddressing.UnicastOf(node));
            }

            _election.HeardHeartbeat(OtherCandidate, _now);
        }

        private void ReportFrom(int address)
        {
            _heard.SetEnergy(address, _energy);
            _heard.Heard(address, _now);
            uint energy;
            _heard.TryGetEnergy(address, out energy);
        }

        private void Tick()
        {
            if (_now >= _nextHeartbeatAt)
            {
                _nextHeartbeatAt = _now + BridgeElection.HeartbeatPeriodMilliseconds;
                UplinkMessages.WriteHeartbeat(_election.IsBridge(_now), _heartbeat);
                _heartbeats++; // handed to the mesh
            }

            _election.IsBridge(_now);
            int address = _heard.NextFallenSilent(0, _now, Silence);
            while (address != 0)
            {
                address = _heard.NextFallenSilent(NodeAddressing.NodeIdOf(address) + 1, _now, Silence);
            }
        }
    }
}
