using DcMonitor.Shared.Runtime;
using DcMonitor.Shared.Uplink;

namespace DcMonitor.PathDrivers
{
    /// <summary>
    /// (d'') The idle node's uplink tick, once a second, scheduling included, as UplinkService runs it on a node without Wi-Fi
    /// that hears no bridge: its <see cref="PeriodicWork"/> (created once by <see cref="WorkQueue.CreatePeriodic"/>) posts its run
    /// as its timer does (<see cref="PeriodicWork.PostNow"/>), the worker runs it (<see cref="WorkQueue.RunNext"/>, on this thread)
    /// — the election's outcome (<see cref="BridgeElection.IsBridge"/>, <see cref="BridgeElection.CurrentBridge"/>), the queue's
    /// figures read under its lock, and the console's state line (<see cref="UplinkStateLine.Update"/>), rebuilt only when a
    /// figure changed. UplinkBridge's own tick (UniversalNode: heartbeat, availability, retries) is not in it.
    /// </summary>
    public sealed class IdleUplinkTickPath : WholePath
    {
        /// <summary>UplinkService.TickMilliseconds.</summary>
        public const int TickMilliseconds = 1000;

        private readonly WorkQueue _queue = new WorkQueue(128);
        private readonly BridgeElection _election = new BridgeElection(0x0005, false, 0);
        private readonly ReadingQueue _readings = new ReadingQueue(UplinkSettings.DefaultQueueCapacity);
        private readonly UplinkStateLine _state = new UplinkStateLine();
        private readonly PeriodicWork _tick;
        private long _now = 1000;
        private int _ticks;

        /// <summary>Builds the node's worker queue (capacity 128, as UniversalNodeApp), its election and its uplink tick.</summary>
        public IdleUplinkTickPath()
        {
            _tick = _queue.CreatePeriodic(Tick);
        }

        /// <inheritdoc/>
        public override string Name => "idle node, per 1 s uplink tick";

        /// <inheritdoc/>
        public override int Handed => _ticks;

        /// <inheritdoc/>
        public override void Run()
        {
            if (_tick.PostNow())
            {
                _queue.RunNext();
            }
        }

        private void Tick()
        {
            _now += TickMilliseconds;
            bool bridging = _election.IsBridge(_now);
            int bridge = _election.CurrentBridge(_now);
            int waiting;
            int dropped;
            lock (_readings)
            {
                waiting = _readings.Count;
                dropped = _readings.Dropped;
            }

            _state.Update(bridging, bridge, false, waiting, dropped, 0, 0, 0, 0);
            if (_state.Text.Length > 0)
            {
                _ticks++;
            }
        }
    }
}
