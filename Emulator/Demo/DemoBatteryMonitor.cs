using System;
using System.IO;
using System.Threading;
using DcMonitor.Emulator.Air;

namespace DcMonitor.Emulator.Demo
{
    /// <summary>
    /// The demo's owner setting up the BM6 beside node-0 (issue 18, docs/battery-monitor.md): at demo start it types
    /// <c>bm6 use &lt;address&gt;</c> and <c>bm6 read</c> on node-0's console, as an owner would, and waits for the read's answer
    /// there, so that the Pi's <c>0:BATT</c> is answered from a fresh reading (<c>NODE0:BATT:V:12.71V,SOC:87%,T:21C</c>) right away.
    /// The node keeps the address in its flash; the reader then reads the monitor every period on its own.
    /// </summary>
    public static class DemoBatteryMonitor
    {
        /// <summary>
        /// Longest wait for the first read's console answer, ms: the reader's connect timeout and guard (10 s + 5 s) and notification
        /// timeout (5 s) of <c>BatteryMonitorReader</c>, so a failing read has printed its reason by then.
        /// </summary>
        public const int FirstReadMilliseconds = 20000;

        /// <summary>
        /// Configures node <paramref name="nodeName"/> of <paramref name="hub"/> (powered and ready) to read the BM6 at
        /// <paramref name="address"/> and reports the first read on <paramref name="status"/>; true when it gave a reading.
        /// </summary>
        public static bool Configure(AirHub hub, string nodeName, string address, TextWriter status)
        {
            HubNode node = hub.Find(nodeName);
            string answer = null;
            using var answered = new ManualResetEventSlim();
            Action<string, string> watch = (name, line) =>
            {
                if (name == nodeName && (line.StartsWith(">> BATT:", StringComparison.Ordinal) || line.StartsWith(">> ERR:", StringComparison.Ordinal)))
                {
                    answer = line.Substring(3);
                    answered.Set();
                }
            };
            hub.ConsoleOutput += watch;
            try
            {
                if (node == null || !hub.TypeOnConsole(node, "bm6 use " + address) || !hub.TypeOnConsole(node, "bm6 read"))
                {
                    status.WriteLine("battery: could not type 'bm6 use " + address + "' on " + nodeName + "'s console; " + nodeName + ":BATT will answer ERROR:NO_BATTERY_MONITOR");
                    return false;
                }

                if (!answered.Wait(FirstReadMilliseconds))
                {
                    status.WriteLine("battery: " + nodeName + " did not answer 'bm6 read' within " + (FirstReadMilliseconds / 1000) + " s");
                    return false;
                }

                status.WriteLine("battery: " + nodeName + " typed 'bm6 use " + address + "', 'bm6 read': " + answer);
                return answer.StartsWith("BATT:", StringComparison.Ordinal);
            }
            finally
            {
                hub.ConsoleOutput -= watch;
            }
        }
    }
}
