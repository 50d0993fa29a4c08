using System;
using DcMonitor.Shared.Terminal;
using DcMonitor.Shared.Uplink;

namespace DcMonitor.UniversalNode.Uplink
{
    /// <summary>
    /// The serial console's <c>uplink</c> lines (configuration of the MQTT uplink, persisted at once):
    /// <list type="bullet">
    /// <item><c>uplink</c> or <c>uplink show</c>: the settings (secrets as <c>(set)</c>/<c>(not set)</c>) and the uplink's state;</item>
    /// <item><c>uplink &lt;key&gt; &lt;value&gt;</c>: sets one key (<see cref="UplinkSettings"/> lists keys and limits; the value is the rest of
    /// the line, spaces included); the reply repeats the value except for secrets;</item>
    /// <item><c>uplink ca</c>: the following lines, up to <c>-----END CERTIFICATE-----</c>, are the broker's CA certificate (PEM);
    /// <c>abort</c>, a line that is not PEM, more than 4096 characters or a minute without a line end the paste without a change,
    /// and the console answers again (<see cref="PemPaste"/>);</item>
    /// <item><c>uplink forget</c>: back to no uplink.</item>
    /// </list>
    /// Refusals print <c>&gt;&gt; ERROR:UPLINK:&lt;reason&gt;</c> and change nothing. Runs on the console's reader thread; the service it
    /// configures is thread-safe.
    /// </summary>
    public sealed class UplinkConsole
    {
        /// <summary>First word of every uplink line.</summary>
        public const string Word = "uplink";

        /// <summary>Help lines for the console's <c>help</c>.</summary>
        public static readonly string[] Help =
        {
            "  uplink [show]     MQTT uplink settings and state (passwords never shown)",
            "  uplink KEY VALUE  set wifi-ssid, wifi-password, broker-host, broker-port, tls on|off,",
            "                    mqtt-user, mqtt-password, topic-prefix, discovery-prefix, period (s), queue (readings)",
            "  uplink ca         then paste the broker's CA certificate (PEM)",
            "  uplink forget     remove the uplink settings",
        };

        private readonly ConsoleLineHandler _print;
        private readonly UplinkService _service;
        private readonly PemPaste _paste = new PemPaste();

        /// <summary>Console lines for <paramref name="service"/>, printed through <paramref name="print"/>.</summary>
        public UplinkConsole(UplinkService service, ConsoleLineHandler print)
        {
            _service = service;
            _print = print;
        }

        /// <summary>True while a certificate is being pasted (every PEM line belongs to it).</summary>
        public bool Capturing => _paste.Active;

        /// <summary>True for a line this console handles (an uplink line, or any line while capturing).</summary>
        public bool Accepts(string line)
        {
            return Capturing || line == Word || line.StartsWith(Word + " ");
        }

        /// <summary>Handles one console line.</summary>
        /// <returns>
        /// False when the line ended a certificate paste without belonging to it and is no uplink line (a command typed
        /// after a broken paste): the caller handles it as if no paste had been going on.
        /// </returns>
        public bool OnLine(string line)
        {
            if (Capturing)
            {
                PemPasteStatus status = _paste.Offer(line, Environment.TickCount64);
                switch (status)
                {
                    case PemPasteStatus.Continues:
                        return true;
                    case PemPasteStatus.Complete:
                        Apply("ca", _paste.Text);
                        return true;
                    case PemPasteStatus.Aborted:
                        _print(">> uplink ca: aborted; nothing changed");
                        return true;
                    case PemPasteStatus.TooLong:
                        _print(">> ERROR:UPLINK:ca: longer than " + PemPaste.MaximumCharacters.ToString() + " characters; paste aborted, nothing changed");
                        return true;
                    case PemPasteStatus.TimedOut:
                        _print(">> ERROR:UPLINK:ca: no line for " + (PemPaste.IdleTimeoutMilliseconds / 1000).ToString() + " s; paste abandoned, nothing changed");
                        break;
                    default:
                        _print(">> ERROR:UPLINK:ca: not a PEM line; paste abandoned, nothing changed");
                        break;
                }

                // The paste is over and this line was not part of it: it is a console line like any other.
                if (!(line == Word || line.StartsWith(Word + " ")))
                {
                    return false;
                }
            }

            string rest = line.Length > Word.Length ? line.Substring(Word.Length + 1) : string.Empty;
            int space = rest.IndexOf(' ');
            string key = space < 0 ? rest : rest.Substring(0, space);
            string value = space < 0 ? string.Empty : rest.Substring(space + 1);
            if (key.Length == 0 || key == "show")
            {
                Show();
            }
            else if (key == "ca" && value.Length == 0)
            {
                _paste.Begin(Environment.TickCount64);
                _print(">> paste the PEM certificate; it ends with " + PemPaste.EndLine + " (type " + PemPaste.AbortWord + " to cancel)");
            }
            else if (key == "forget")
            {
                _service.Apply(new UplinkSettings());
                _print(">> uplink: settings removed");
            }
            else
            {
                Apply(key, value);
            }

            return true;
        }

        private void Apply(string key, string value)
        {
            UplinkSettings settings = _service.Settings.Copy();
            try
            {
                settings.Set(key, value);
            }
            catch (ArgumentException exception)
            {
                _print(">> ERROR:UPLINK:" + exception.Message);
                return;
            }

            if (!_service.Apply(settings))
            {
                _print(">> ERROR:UPLINK:not saved (flash write failed); nothing changed");
                return;
            }

            _print(">> uplink: " + key + "=" + settings.Shown(key) + (settings.IsComplete ? string.Empty : " (uplink needs wifi-ssid and broker-host)"));
        }

        private void Show()
        {
            string[] lines = _service.Settings.Describe();
            for (int i = 0; i < lines.Length; i++)
            {
                _print(">> " + lines[i]);
            }

            _print(">> state: " + _service.Describe());
        }
    }
}
