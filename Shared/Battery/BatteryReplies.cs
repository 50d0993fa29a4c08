using DcMonitor.Shared.Commands;

namespace DcMonitor.Shared.Battery
{
    /// <summary>
    /// The texts of a node's battery monitor (issue 18, docs/battery-monitor.md). A node answers the node command
    /// <c>batt</c> with <see cref="Prefix"/> and then a reading (<c>BATT:V:12.71V,SOC:87%,T:21C</c>, negative temperatures
    /// <c>T:-5C</c>) or one of the two errors (<c>BATT:ERROR:NO_BATTERY_MONITOR</c>); the gateway turns that into the Pi's
    /// <c>NODE&lt;n&gt;:BATT:V:12.71V,SOC:87%,T:21C</c>, or the bare error for a one-node <c>&lt;n&gt;:BATT</c>. Stateless.
    /// </summary>
    public static class BatteryReplies
    {
        /// <summary>Start of every node reply to <c>batt</c>, and what follows <c>NODE&lt;n&gt;:</c> in the Pi's message.</summary>
        public const string Prefix = "BATT:";

        /// <summary>Start of both errors.</summary>
        public const string ErrorPrefix = "ERROR:";

        /// <summary>No battery monitor is configured on the node (<c>bm6 use</c> was never given, or <c>bm6 off</c>).</summary>
        public const string NoBatteryMonitor = "ERROR:NO_BATTERY_MONITOR";

        /// <summary>
        /// A monitor is configured but no good reading was taken within the last
        /// <see cref="BatteryMonitorReader.UnreachableAfterPeriods"/> read periods (out of range, busy with a phone, wrong key).
        /// </summary>
        public const string BatteryMonitorUnreachable = "ERROR:BATTERY_MONITOR_UNREACHABLE";

        /// <summary>Appends <c>V:12.71V,SOC:87%,T:21C</c> for <paramref name="reading"/> to <paramref name="destination"/>, allocating nothing.</summary>
        public static void WriteReading(BatteryReading reading, ReplyWriter destination)
        {
            WriteReading(reading.VoltageCentivolts, reading.StateOfChargePercent, reading.TemperatureCelsius, destination);
        }

        /// <summary>Appends <c>V:12.71V,SOC:87%,T:21C</c> for the values given (centivolts, %, °C) to <paramref name="destination"/>, allocating nothing.</summary>
        public static void WriteReading(int voltageCentivolts, int stateOfChargePercent, int temperatureCelsius, ReplyWriter destination)
        {
            destination.Append("V:");
            destination.AppendDecimal(voltageCentivolts, 2);
            destination.Append("V,SOC:");
            destination.AppendInteger(stateOfChargePercent);
            destination.Append("%,T:");
            destination.AppendInteger(temperatureCelsius);
            destination.Append("C");
        }

        /// <summary>The node reply <c>BATT:V:…,SOC:…%,T:…C</c> of <paramref name="reading"/> (a new string).</summary>
        public static string Reading(BatteryReading reading)
        {
            ReplyWriter writer = new ReplyWriter(48);
            writer.Append(Prefix);
            WriteReading(reading, writer);
            return writer.ToString();
        }

        /// <summary>True when <paramref name="length"/> bytes of <paramref name="text"/> from <paramref name="offset"/> start with <paramref name="prefix"/>.</summary>
        public static bool StartsWith(byte[] text, int offset, int length, string prefix)
        {
            if (length < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                if (text[offset + i] != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
