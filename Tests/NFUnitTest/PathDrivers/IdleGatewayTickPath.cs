using DcMonitor.Shared.Gateway;

namespace DcMonitor.PathDrivers
{
    /// <summary>
    /// (d) The idle gateway's 100 ms tick (<see cref="GatewayProcessor.Tick"/>, what MeshCoordinator's tick runs): provisioned
    /// and bound, no Pi command pending, no monitor, no send outstanding. The tick's scheduling (WorkQueue.PostDelayed and its
    /// delegate) is UniversalNode code and not part of this driver.
    /// </summary>
    public sealed class IdleGatewayTickPath : WholePath
    {
        /// <summary>Tick period, ms (MeshCoordinator.TickMilliseconds).</summary>
        public const int TickMilliseconds = 100;

        private readonly GatewayProcessor _gateway;
        private long _now = 1000;
        private int _ticks;

        /// <summary>Builds a provisioned, bound, idle gateway.</summary>
        public IdleGatewayTickPath()
        {
            _gateway = new GatewayProcessor(new EncodingMesh(), new ChunkingNotifier(), new AnsweringLocalRunner());
        }

        /// <inheritdoc/>
        public override string Name => "idle gateway, per 100 ms tick";

        /// <inheritdoc/>
        public override int Handed => _ticks;

        /// <inheritdoc/>
        public override void Run()
        {
            _now += TickMilliseconds;
            _gateway.Tick(_now);
            _ticks++;
        }
    }
}
