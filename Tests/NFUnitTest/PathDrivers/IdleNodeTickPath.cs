using DcMonitor.Shared.Gateway;
using DcMonitor.Shared.Runtime;

namespace DcMonitor.PathDrivers
{
    /// <summary>
    /// (d') The idle node's 100 ms tick, scheduling included, as MeshCoordinator runs it: its <see cref="PeriodicWork"/>
    /// (created once by <see cref="WorkQueue.CreatePeriodic"/>) posts its run to the <see cref="WorkQueue"/> as its timer does
    /// each period (<see cref="PeriodicWork.PostNow"/>), and the worker runs it (<see cref="WorkQueue.RunNext"/>, on this thread:
    /// the queue's worker is never started) — the gateway's idle <see cref="GatewayProcessor.Tick"/>. The timer itself is not
    /// started: its native callback allocates nothing managed before it calls PostNow.
    /// </summary>
    public sealed class IdleNodeTickPath : WholePath
    {
        private readonly WorkQueue _queue = new WorkQueue(128);
        private readonly GatewayProcessor _gateway;
        private readonly PeriodicWork _tick;
        private long _now = 1000;
        private int _ticks;

        /// <summary>Builds the node's worker queue (capacity 128, as UniversalNodeApp) and its idle gateway tick.</summary>
        public IdleNodeTickPath()
        {
            _gateway = new GatewayProcessor(new EncodingMesh(), new ChunkingNotifier(), new AnsweringLocalRunner());
            _tick = _queue.CreatePeriodic(Tick);
        }

        /// <inheritdoc/>
        public override string Name => "idle node, per 100 ms tick";

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
            _now += IdleGatewayTickPath.TickMilliseconds;
            _gateway.Tick(_now);
            _ticks++;
        }
    }
}
