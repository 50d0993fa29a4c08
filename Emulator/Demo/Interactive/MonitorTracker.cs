using DcMonitor.Shared.Gateway;

namespace DcMonitor.Emulator.Demo.Interactive
{
    /// <summary>
    /// Follows the Pi's commands written to the gateway to know whether a <c>MONITOR</c> is running, by the gateway firmware's
    /// own rules (<see cref="GatewayCommandParser"/>, seed protocol §2.4 step 5 and §4.9): a valid <c>MONITOR</c> starts or
    /// retargets it, any later command that has a word (even an unknown one) stops it. Thread-safe.
    /// </summary>
    public sealed class MonitorTracker
    {
        private readonly object _gate = new object();
        private string _target;

        /// <summary>The monitored target as typed (<c>2</c>, <c>ALL</c>), or null when no MONITOR is running.</summary>
        public string Target
        {
            get
            {
                lock (_gate)
                {
                    return _target;
                }
            }
        }

        /// <summary>
        /// The command that stops the running MONITOR with the least effect on the mesh: <c>&lt;target&gt;:READ</c> (one
        /// reading of the same target instead of the next poll); null when no MONITOR is running.
        /// </summary>
        public string StopCommand
        {
            get
            {
                string target = Target;
                return target == null ? null : target + ":READ";
            }
        }

        /// <summary>Notes a command that was written to the gateway.</summary>
        public void Written(string command)
        {
            byte[] written = System.Text.Encoding.UTF8.GetBytes(command);
            GatewayCommand parsed = GatewayCommandParser.Parse(written, written.Length); // as the gateway parses the write
            lock (_gate)
            {
                if (parsed.Error == null && parsed.Action == GatewayAction.Monitor)
                {
                    _target = parsed.IsAll ? "ALL" : parsed.NodeId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (parsed.Word != null)
                {
                    _target = null;
                }
            }
        }
    }
}
