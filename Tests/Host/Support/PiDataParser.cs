using System.Text.RegularExpressions;

namespace DcMonitor.Tests.Support
{
    /// <summary>
    /// What the unchanged Pi 5 gateway accepts as a reading (seed protocol §2.7): the message contains
    /// ":DATA:", the part before starts with NODE&lt;digits&gt;, and the payload starts with
    /// D:&lt;digits&gt;%,V:&lt;digits-and-dots&gt;V,I:&lt;digits-and-dots&gt;mA,P:&lt;digits-and-dots&gt;mW, case-insensitively.
    /// </summary>
    public static class PiDataParser
    {
        private static readonly Regex s_payload = new Regex(@"^D:(\d+)%,V:([\d.]+)V,I:([\d.]+)mA,P:([\d.]+)mW", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>True when the Pi would parse <c>NODE0:DATA:&lt;payload&gt;</c> as a reading.</summary>
        public static bool IsReading(string payload) => TryParse(payload, out _, out _, out _, out _);

        public static bool TryParse(string payload, out int duty, out double volts, out double milliamps, out double milliwatts)
        {
            duty = 0;
            volts = milliamps = milliwatts = 0;
            string message = "NODE0:DATA:" + payload;
            int data = message.IndexOf(":DATA:", System.StringComparison.OrdinalIgnoreCase);
            if (data < 0 || !Regex.IsMatch(message.Substring(0, data), @"^NODE\d+", RegexOptions.IgnoreCase))
            {
                return false;
            }

            Match match = s_payload.Match(message.Substring(data + 6));
            if (!match.Success)
            {
                return false;
            }

            duty = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            volts = double.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            milliamps = double.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
            milliwatts = double.Parse(match.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
    }
}
