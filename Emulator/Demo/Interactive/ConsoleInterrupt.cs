using System.IO;
using System.Threading;

namespace DcMonitor.Emulator.Demo.Interactive
{
    /// <summary>
    /// What Ctrl-C does in the demo console (<see cref="Interrupt"/> is called from <c>Console.CancelKeyPress</c>; tests call it
    /// directly): while a MONITOR runs, write its <see cref="MonitorTracker.StopCommand"/> to the gateway and stay at the prompt;
    /// otherwise ask the console to stop (<see cref="Stopping"/>) so the demo ends through its normal path (node processes
    /// stopped, flash lock released); a further Ctrl-C while it stops lets the runtime end the process. Thread-safe.
    /// </summary>
    public sealed class ConsoleInterrupt
    {
        private readonly MonitorTracker _monitor;
        private readonly IDemoMesh _mesh;
        private readonly TextWriter _status;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly object _gate = new object();

        /// <summary>Creates the handler for a console whose gateway commands <paramref name="monitor"/> follows.</summary>
        public ConsoleInterrupt(MonitorTracker monitor, IDemoMesh mesh, TextWriter status)
        {
            _monitor = monitor;
            _mesh = mesh;
            _status = status;
        }

        /// <summary>Cancelled once Ctrl-C asked the console to stop.</summary>
        public CancellationToken Stopping => _stop.Token;

        /// <summary>Handles one Ctrl-C; returns true to keep the process running (<c>ConsoleCancelEventArgs.Cancel</c>).</summary>
        public bool Interrupt()
        {
            lock (_gate)
            {
                if (_stop.IsCancellationRequested)
                {
                    return false;
                }

                string stopMonitor = _monitor.StopCommand;
                if (stopMonitor == null)
                {
                    _status.WriteLine("demo: Ctrl-C: stopping (Ctrl-C again ends the process at once)");
                    _stop.Cancel();
                    return true;
                }

                string target = _monitor.Target;
                if (_mesh.SendToGateway(stopMonitor, out string error))
                {
                    _monitor.Written(stopMonitor);
                    _status.WriteLine("gateway: Ctrl-C: MONITOR of " + target + " stopped with " + stopMonitor);
                }
                else
                {
                    _status.WriteLine("gateway: Ctrl-C: '" + stopMonitor + "' could not be written (" + error + "); MONITOR of " + target + " still runs");
                }

                return true;
            }
        }
    }
}
