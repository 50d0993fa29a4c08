using System;
using System.Diagnostics;

namespace DcMonitor.Shared.Diagnostics
{
    /// <summary>
    /// The node's log: every line goes to the debugger output (<c>Debug.WriteLine</c>, what Visual Studio
    /// shows over the nanoFramework wire protocol) and to the attached sink (the serial console), as
    /// <c>[component] message</c>. Thread-safe.
    /// </summary>
    public sealed class NodeLog
    {
        private readonly object _gate = new object();
        private LogSink _sink;

        /// <summary>Attaches the sink that receives every line from now on (one sink; null detaches).</summary>
        public void Attach(LogSink sink)
        {
            lock (_gate)
            {
                _sink = sink;
            }
        }

        /// <summary>Writes <c>[component] message</c> to the debugger and the sink; a failing sink is ignored (never throws).</summary>
        public void Write(string component, string message)
        {
            string line = "[" + component + "] " + message;
            Debug.WriteLine(line);
            LogSink sink;
            lock (_gate)
            {
                sink = _sink;
            }

            if (sink != null)
            {
                try
                {
                    sink(line);
                }
                catch (Exception)
                {
                    // The console is gone (closed port, shutting down): the line went to the debugger above; a log line must never
                    // break the thread that writes it.
                }
            }
        }
    }
}
