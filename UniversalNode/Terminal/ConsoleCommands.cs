using DcMonitor.Shared;
using DcMonitor.Shared.Terminal;
using DcMonitor.Shared.Battery;
using DcMonitor.Shared.Commands;
using DcMonitor.MeshInterop;
using DcMonitor.Shared.Gatt;
using DcMonitor.Shared.Provisioning;
using DcMonitor.UniversalNode.Battery;
using DcMonitor.UniversalNode.Commands;
using DcMonitor.UniversalNode.Gatt;
using DcMonitor.UniversalNode.Sensing;
using DcMonitor.UniversalNode.Uplink;

namespace DcMonitor.UniversalNode.Terminal
{
    /// <summary>
    /// What the serial console's lines do (seed protocol §4.15): <c>help</c> lists the commands, <c>version</c> prints
    /// the image and its version (<see cref="VersionReply"/>), <c>scan</c> scans the sensor bus, everything else is node command text for <see cref="CommandExecutor"/> and its
    /// reply is printed as <c>&gt;&gt; &lt;reply&gt;</c>; <c>uplink</c> lines configure the MQTT uplink (<see cref="UplinkConsole"/>), <c>gatt</c> lines the GATT access (<see cref="GattAccess"/>), <c>oob</c> lines the provisioning secret (<see cref="StaticOobSetting"/>), <c>bm6</c> lines the battery monitor (<see cref="BatteryMonitorService"/>).
    /// Console commands never notify the Pi and never touch the mesh.
    /// </summary>
    public sealed class ConsoleCommands
    {
        /// <summary>Prefix of every reply line.</summary>
        public const string ReplyPrefix = ">> ";

        /// <summary>Reply when the worker queue is full and the line could not be accepted.</summary>
        public const string Busy = ">> ERR:BUSY (command queue full; the line was not run)";

        /// <summary>The reply to <c>version</c>: <c>&gt;&gt; DC-Monitor universal node 0.7.0</c> (<see cref="FirmwareVersion"/>).</summary>
        public static readonly string VersionReply = ReplyPrefix + FirmwareVersion.Banner(UniversalNodeApp.ImageName);

        private static readonly string[] s_help =
        {
            "commands:",
            "  read | status     one reading: D:<duty>%,V:<volts>V,I:<milliamps>mA,P:<milliwatts>mW",
            "  duty:N | N        set the load duty to N % (integer; clamped to 0-100; 100 = fully on)",
            "  r | ramp          0,25,50,75,100 % for 500 ms each, then 0 %; reply after ~2.7 s",
            "  batt              the battery monitor's last reading: BATT:V:<volts>V,SOC:<percent>%,T:<celsius>C",
            "  s | stop          duty 0 % (load off)",
            "  scan              list I2C devices on the sensor bus (0x08-0x77)",
            "  version           image name and firmware version",
            "  help              this list",
        };

        private readonly SerialConsole _console;
        private readonly CommandExecutor _executor;
        private readonly int _sensorBusId;
        private readonly object _stateGate = new object();
        private readonly MeshState _state = new MeshState();
        private MeshNode _mesh;
        private StaticOobSetting _staticOob;

        /// <summary>The <c>gatt</c> console lines, once the mesh started (set by the app; null: no BLE stack).</summary>
        public GattAccess Gatt { get; set; }

        /// <summary>Attaches the <c>oob</c> console lines (<paramref name="setting"/>) once the mesh started; <paramref name="mesh"/> says whether the node is provisioned.</summary>
        public void AttachStaticOob(StaticOobSetting setting, MeshNode mesh)
        {
            lock (_stateGate)
            {
                _mesh = mesh;
            }

            _staticOob = setting;
        }

        /// <summary>The battery monitor's <c>bm6</c> lines (set by the app; null: the image has no BLE central role).</summary>
        public BatteryMonitorService Battery { get; set; }

        /// <summary>Reply to a <c>bm6</c> line on a node without a battery monitor link.</summary>
        public const string NoBatteryLink = ">> ERR: this image has no BLE central role: no BM6 battery monitor";

        /// <summary>The uplink's console lines, once the uplink exists (set by the app; null: no uplink).</summary>
        public UplinkConsole Uplink { get; set; }

        /// <summary>Connects the console to the executor.</summary>
        public ConsoleCommands(SerialConsole console, CommandExecutor executor, int sensorBusId)
        {
            _console = console;
            _executor = executor;
            _sensorBusId = sensorBusId;
            _console.LineReceived += OnLine;
        }

        private void OnLine(string line)
        {
            bool accepted;
            UplinkConsole uplink = Uplink;
            if (uplink != null && uplink.Accepts(line) && uplink.OnLine(line))
            {
                _console.PasteLines = uplink.Capturing; // PEM lines are 64 characters, one more than a command line
                return;
            }

            _console.PasteLines = false;
            GattAccess gatt = Gatt;
            if (gatt != null && GattConsoleCommand.Accepts(line))
            {
                gatt.OnLine(line, _console.WriteLine);
                return;
            }

            StaticOobSetting staticOob = _staticOob;
            if (staticOob != null && OobConsoleCommand.Accepts(line))
            {
                staticOob.OnLine(line, _console.WriteLine, IsProvisioned());
                return;
            }

            if (BatteryConsoleCommand.Accepts(line))
            {
                BatteryMonitorService battery = Battery;
                if (battery == null)
                {
                    _console.WriteLine(NoBatteryLink);
                }
                else if (!battery.OnLine(line, _console.WriteLine))
                {
                    _console.WriteLine(Busy);
                }

                return;
            }

            if (line == "help")
            {
                foreach (string text in s_help)
                {
                    _console.WriteLine(text);
                }

                if (gatt != null)
                {
                    foreach (string text in GattConsoleCommand.Help)
                    {
                        _console.WriteLine(text);
                    }
                }

                if (staticOob != null)
                {
                    foreach (string text in OobConsoleCommand.Help)
                    {
                        _console.WriteLine(text);
                    }
                }

                if (Battery != null)
                {
                    foreach (string text in BatteryConsoleCommand.Help)
                    {
                        _console.WriteLine(text);
                    }
                }

                if (uplink != null)
                {
                    foreach (string text in UplinkConsole.Help)
                    {
                        _console.WriteLine(text);
                    }
                }

                return;
            }

            if (line == "version")
            {
                _console.WriteLine(VersionReply);
                return;
            }

            if (line == "scan")
            {
                accepted = _executor.SubmitInOrder(Scan);
            }
            else
            {
                accepted = _executor.Submit(line, PrintReply);
            }

            if (!accepted)
            {
                _console.WriteLine(Busy);
            }
        }

        private bool IsProvisioned()
        {
            lock (_stateGate)
            {
                return _mesh != null && _mesh.ReadState(_state) && _state.IsProvisioned;
            }
        }

        private void PrintReply(NodeReply reply)
        {
            _console.WriteLine(ReplyPrefix + reply.Text);
        }

        private void Scan()
        {
            int[] found = I2cBusScanner.Scan(_sensorBusId);
            string list = found.Length == 0 ? "none" : string.Empty;
            for (int i = 0; i < found.Length; i++)
            {
                list += (i == 0 ? "0x" : " 0x") + found[i].ToString("X2");
            }

            _console.WriteLine(ReplyPrefix + "I2C devices: " + list);
        }
    }
}
