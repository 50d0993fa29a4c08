using System;
using DcMonitor.MeshInterop;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Gatt;
using DcMonitor.Shared.Storage;

namespace DcMonitor.UniversalNode.Gatt
{
    /// <summary>
    /// Who may use the Pi's GATT service (docs/security.md): reads the mode from <c>I:\gatt\settings.txt</c> and gives it to the
    /// native bridge before the stack starts (<see cref="ConfigureBeforeStart"/>); on a node's first boot (no settings file) the mode
    /// is <see cref="GattAccessMode.Bonded"/> and the pairing window is open for 5 minutes. Runs the <c>gatt</c> console lines
    /// (<see cref="GattConsoleCommand"/>) and logs pairings. The allow-list is the native stack's bond store (NVS). Console lines
    /// and mesh events arrive on different threads; every member locks.
    /// </summary>
    public sealed class GattAccess
    {
        /// <summary>The folder of the settings file on the flash drive.</summary>
        public const string Folder = "I:\\gatt";

        private const string Component = "gatt";
        private readonly object _gate = new object();
        private readonly AtomicFile _file;
        private readonly NodeLog _log;
        private readonly Random _random = new Random();
        private readonly byte[] _record = new byte[MeshNode.GattBondRecordLength];
        private MeshNode _mesh;
        private GattAccessMode _mode = GattAccessMode.Bonded;
        private GattAccessMode _savedMode = GattAccessMode.Bonded;
        private long _pairingEndsTicks;

        /// <summary>Keeps the settings in <paramref name="folder"/> (<see cref="Folder"/> on the device).</summary>
        public GattAccess(string folder, NodeLog log)
        {
            _file = new AtomicFile(folder + "\\settings.txt");
            _log = log;
        }

        /// <summary>The mode the bridge runs in (after <see cref="ConfigureBeforeStart"/>).</summary>
        public GattAccessMode Mode
        {
            get
            {
                lock (_gate)
                {
                    return _mode;
                }
            }
        }

        /// <summary>
        /// Loads the mode (first boot: bonded, saved) and sets the native bridge's security, with the pairing window open for
        /// <see cref="GattConsoleCommand.PairingWindowMilliseconds"/> on the first boot. Call before MeshNode.Start.
        /// </summary>
        public void ConfigureBeforeStart()
        {
            lock (_gate)
            {
                string text = _file.ReadLatest();
                bool firstBoot = text == null;
                if (firstBoot)
                {
                    Save(GattAccessMode.Bonded);
                }
                else
                {
                    try
                    {
                        _mode = GattAccessSettings.Parse(text).Mode;
                    }
                    catch (ArgumentException exception)
                    {
                        _log.Write(Component, "settings unreadable (" + exception.Message + "); mode bonded");
                        _mode = GattAccessMode.Bonded; // never fall open on a damaged file
                    }
                }

                _savedMode = _mode;
                int window = firstBoot && _mode != GattAccessMode.Open ? GattConsoleCommand.PairingWindowMilliseconds : 0;
                Apply(window, firstBoot ? "first boot" : null);
            }
        }

        /// <summary>The started stack (bonds are listed and deleted through it).</summary>
        public void Attach(MeshNode mesh)
        {
            lock (_gate)
            {
                _mesh = mesh;
            }
        }

        /// <summary>Runs a <c>gatt</c> console line (<see cref="GattConsoleCommand.Accepts"/>), printing its replies through <paramref name="print"/>.</summary>
        public void OnLine(string line, LogSink print)
        {
            GattConsoleCommand command = GattConsoleCommand.Parse(line);
            lock (_gate)
            {
                switch (command.Kind)
                {
                    case GattConsoleCommandKind.Status:
                        print(">> GATT mode " + GattAccessModeText.Of(_mode) + (_savedMode != _mode ? " (" + GattAccessModeText.Of(_savedMode) + " after the next boot)" : string.Empty)
                            + ", pairing " + (PairingOpen() ? "open" : "closed") + ", " + CountBonds().ToString() + " bonded central(s)");
                        break;
                    case GattConsoleCommandKind.Pair:
                        if (_mode == GattAccessMode.Open)
                        {
                            print(">> GATT mode open: no pairing needed ('gatt mode bonded' first)");
                        }
                        else
                        {
                            Apply(GattConsoleCommand.PairingWindowMilliseconds, "gatt pair");
                        }

                        break;
                    case GattConsoleCommandKind.List:
                        List(print);
                        break;
                    case GattConsoleCommandKind.Forget:
                        Forget(command, print);
                        break;
                    case GattConsoleCommandKind.Mode:
                        Save(command.Mode);
                        print(">> GATT mode " + GattAccessModeText.Of(command.Mode) + " saved; " + (command.Mode == _mode ? "already in effect" : "applies at the next boot (reset or power cycle)"));
                        break;
                    default:
                        print(">> ERR: " + command.Error);
                        break;
                }
            }
        }

        /// <summary>
        /// Opens the pairing window for <see cref="GattConsoleCommand.PairingWindowMilliseconds"/> as <c>gatt pair</c> does (the
        /// BOOT button held after boot: <see cref="PairingButtonWatch"/>) and says so on the console with <paramref name="reason"/>
        /// (and the new passkey in passkey mode); in open mode only logs that no pairing is needed. Call after <see cref="Attach"/>.
        /// </summary>
        public void OpenPairingWindow(string reason)
        {
            lock (_gate)
            {
                if (_mode == GattAccessMode.Open)
                {
                    _log.Write(Component, reason + ": mode open, no pairing needed");
                    return;
                }

                Apply(GattConsoleCommand.PairingWindowMilliseconds, reason);
            }
        }

        /// <summary>Logs a <see cref="MeshEventKind.GattPaired"/> or <see cref="MeshEventKind.GattPairingFailed"/> event.</summary>
        public void OnPairing(ReceivedMeshEvent e)
        {
            if (e.PayloadLength < MeshNode.GattBondRecordLength)
            {
                _log.Write(Component, "pairing event without the central's address (" + e.PayloadLength.ToString() + " bytes)");
                return;
            }

            string central = BondAddress.Format(e.Payload);
            if (e.Kind == MeshEventKind.GattPairingFailed)
            {
                _log.Write(Component, "pairing with " + central + " failed (SMP reason " + e.Value.ToString() + ")");
            }
            else if ((e.Value & 4) != 0)
            {
                _log.Write(Component, "bonded " + central + ((e.Value & 2) != 0 ? " (passkey)" : " (Just Works)"));
            }
            else
            {
                _log.Write(Component, central + " paired outside the pairing window: not bonded, no access ('gatt pair' to allow it)");
            }
        }

        private void Apply(int windowMilliseconds, string reason)
        {
            // System.Random is the chip's RNG on ESP32 (esp_random; docs/security.md "Limits"). A passkey is needed only with the
            // window open, which in passkey mode happens only after the BLE controller runs (gatt pair, the BOOT button), when
            // ESP-IDF's RNG is fed by the radio's entropy; before start (the window closed) the node draws none.
            int passkey = _mode == GattAccessMode.Passkey && windowMilliseconds > 0 ? _random.Next(1000000) : 0;
            MeshResult result = MeshNode.SetGattSecurity((GattSecurityMode)(int)_mode, windowMilliseconds, passkey);
            if (result != MeshResult.Ok)
            {
                _log.Write(Component, "the bridge refused mode " + GattAccessModeText.Of(_mode) + ": result " + ((int)result).ToString());
                return;
            }

            _pairingEndsTicks = windowMilliseconds > 0 ? Environment.TickCount64 + windowMilliseconds : 0;
            string line = "mode " + GattAccessModeText.Of(_mode);
            if (windowMilliseconds > 0)
            {
                line += "; pairing open for " + (windowMilliseconds / 60000).ToString() + " min (" + reason + ")";
                if (_mode == GattAccessMode.Passkey)
                {
                    line += "; passkey " + SixDigits(passkey);
                }
            }

            _log.Write(Component, line);
        }

        private bool PairingOpen()
        {
            return _pairingEndsTicks != 0 && Environment.TickCount64 < _pairingEndsTicks;
        }

        private int CountBonds()
        {
            if (_mesh == null)
            {
                return 0;
            }

            int count = 0;
            while (_mesh.ReadGattBond(count, _record) > 0)
            {
                count++;
            }

            return count;
        }

        private void List(LogSink print)
        {
            int count = CountBonds();
            print(">> " + count.ToString() + " bonded central(s)");
            for (int i = 0; i < count; i++)
            {
                if (_mesh.ReadGattBond(i, _record) > 0)
                {
                    print(">>   " + BondAddress.Format(_record));
                }
            }
        }

        private void Forget(GattConsoleCommand command, LogSink print)
        {
            if (_mesh == null)
            {
                print(">> ERR: no BLE stack");
                return;
            }

            if (command.All)
            {
                MeshResult all = _mesh.DeleteGattBond(null);
                print(all == MeshResult.Ok ? ">> every bond forgotten" : ">> ERR: the stack refused (result " + ((int)all).ToString() + ")");
                return;
            }

            for (int i = 0; _mesh.ReadGattBond(i, _record) > 0; i++)
            {
                if (BondAddress.Matches(_record, command.Address))
                {
                    string address = BondAddress.Format(_record);
                    MeshResult result = _mesh.DeleteGattBond(_record);
                    print(result == MeshResult.Ok ? ">> forgot " + address : ">> ERR: the stack refused (result " + ((int)result).ToString() + ")");
                    return;
                }
            }

            print(">> ERR: no bond with that address ('gatt list' shows them)");
        }

        private void Save(GattAccessMode mode)
        {
            try
            {
                _file.Write(new GattAccessSettings(mode).ToText());
                _savedMode = mode;
            }
            catch (Exception exception)
            {
                _log.Write(Component, "settings not saved: " + exception.Message);
            }
        }

        private static string SixDigits(int value)
        {
            string digits = value.ToString();
            while (digits.Length < 6)
            {
                digits = "0" + digits;
            }

            return digits;
        }
    }
}
