using System;
using DcMonitor.Shared.Battery;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Runtime;
using DcMonitor.Shared.Storage;
using DcMonitor.Shared.Terminal;

namespace DcMonitor.UniversalNode.Battery
{
    /// <summary>
    /// The node's battery monitor (issue 18, docs/battery-monitor.md): a <see cref="BatteryMonitorReader"/> on the node's
    /// worker queue, ticked every second, fed the link's events by a <see cref="BatteryMonitorEventPump"/>, its settings
    /// (address, variant, period) kept in <c>I:\battery\settings.txt</c> through an <see cref="AtomicFile"/>, so they survive a power cut
    /// at any moment; and the <c>bm6</c> console lines (<see cref="BatteryConsoleCommand"/>). Console lines arrive on the console's
    /// thread and are run on the worker.
    /// </summary>
    public sealed class BatteryMonitorService
    {
        /// <summary>The folder of the settings file on the flash drive.</summary>
        public const string Folder = "I:\\battery";

        /// <summary>Tick of the reader, ms (its timeouts are whole seconds).</summary>
        public const int TickMilliseconds = 1000;

        private const string Component = "bm6";

        private readonly WorkQueue _queue;
        private readonly NodeLog _log;
        private readonly AtomicFile _file;
        private readonly PeriodicWork _tick;
        private BatteryMonitorSettings _settings = BatteryMonitorSettings.Default;

        /// <summary>
        /// The service over <paramref name="link"/> (the node's BLE central toward the monitor) and <paramref name="cipher"/> (AES-128
        /// on one block), keeping its settings in <paramref name="folder"/> (<see cref="Folder"/> on the device).
        /// </summary>
        public BatteryMonitorService(IBatteryMonitorLink link, IBlockCipher cipher, WorkQueue queue, NodeLog log, string folder)
        {
            _queue = queue;
            _log = log;
            _file = new AtomicFile(folder + "\\settings.txt");
            Reader = new BatteryMonitorReader(link, cipher, log);
            Pump = new BatteryMonitorEventPump(link, queue, Reader, delegate { return Environment.TickCount64; });
            _tick = queue.CreatePeriodic(delegate { Reader.Tick(Environment.TickCount64); });
        }

        /// <summary>The reader (worker thread only).</summary>
        public BatteryMonitorReader Reader { get; }

        /// <summary>The link's events on their way to the worker.</summary>
        public BatteryMonitorEventPump Pump { get; }

        /// <summary>Loads the settings (a damaged file is logged and read as "no monitor") and starts the tick. Call once, on the worker thread.</summary>
        public void Start()
        {
            string text = _file.ReadLatest();
            if (text != null)
            {
                try
                {
                    _settings = BatteryMonitorSettings.Parse(text);
                }
                catch (ArgumentException exception)
                {
                    _log.Write(Component, "settings unreadable (" + exception.Message + "); no battery monitor until 'bm6 use'");
                }
            }

            long now = Environment.TickCount64;
            if (_settings.Address != null)
            {
                Reader.Configure(_settings.Address, _settings.AddressType, _settings.Variant, _settings.PeriodSeconds, now);
                _log.Write(Component, "reading " + Reader.AddressText + VariantNote() + " every " + Reader.PeriodSeconds.ToString() + " s");
            }
            else
            {
                Reader.SetPeriod(_settings.PeriodSeconds, now);
            }

            _tick.Start(TickMilliseconds);
        }

        /// <summary>Stops the tick.</summary>
        public void Stop()
        {
            _tick.Stop();
        }

        /// <summary>Runs a <c>bm6</c> console line (<see cref="BatteryConsoleCommand.Accepts"/>) on the worker, printing through <paramref name="print"/>; false when the queue is full.</summary>
        public bool OnLine(string line, LogSink print)
        {
            BatteryConsoleCommand command = BatteryConsoleCommand.Parse(line);
            return _queue.Post(delegate { Run(command, print); });
        }

        private void Run(BatteryConsoleCommand command, LogSink print)
        {
            long now = Environment.TickCount64;
            switch (command.Kind)
            {
                case BatteryConsoleCommandKind.Status:
                    print(">> " + Reader.StatusLine(now));
                    break;
                case BatteryConsoleCommandKind.Scan:
                    print(Reader.StartScan(print, now) ? ">> BM6 scan for " + (BatteryMonitorReader.ScanDurationMilliseconds / 1000).ToString() + " s..." : ">> ERR: BM6 busy (a read or scan is in progress, or the radio refused the scan)");
                    break;
                case BatteryConsoleCommandKind.Use:
                    Save(new BatteryMonitorSettings(command.Address, command.AddressType, command.Variant, _settings.PeriodSeconds), print);
                    Reader.Configure(command.Address, command.AddressType, command.Variant, _settings.PeriodSeconds, now);
                    print(">> BM6 " + Reader.AddressText + VariantNote() + " read every " + Reader.PeriodSeconds.ToString() + " s (first read in " + (BatteryMonitorReader.FirstReadDelayMilliseconds / 1000).ToString() + " s)");
                    break;
                case BatteryConsoleCommandKind.Off:
                    Save(new BatteryMonitorSettings(null, 0, _settings.PeriodSeconds), print);
                    Reader.Disable();
                    print(">> BM6 off: no battery monitor");
                    break;
                case BatteryConsoleCommandKind.Read:
                    Read(print, now);
                    break;
                case BatteryConsoleCommandKind.Interval:
                    Save(new BatteryMonitorSettings(_settings.Address, _settings.AddressType, _settings.Variant, command.PeriodSeconds), print);
                    Reader.SetPeriod(command.PeriodSeconds, now);
                    print(">> BM6 read every " + command.PeriodSeconds.ToString() + " s");
                    break;
                default:
                    print(">> ERR: " + command.Error);
                    break;
            }
        }

        private void Read(LogSink print, long now)
        {
            switch (Reader.RequestRead(print, now))
            {
                case BatteryReadStart.Started:
                    print(">> BM6 reading " + Reader.AddressText + "...");
                    break;
                case BatteryReadStart.AlreadyInProgress:
                    print(">> ERR: a BM6 read or scan is already in progress; try again in a few seconds");
                    break;
                case BatteryReadStart.NotConfigured:
                    print(">> ERR: no battery monitor ('bm6 use AA:BB:CC:DD:EE:FF' first)");
                    break;
                default:
                    break; // the reader printed the failure through print
            }
        }

        /// <summary>" (bm7 key)" after the address of a BM7 / BM300 Pro; nothing for a BM6 (its lines stay as they were).</summary>
        private string VariantNote()
        {
            return Reader.Variant == BatteryMonitorVariant.Bm6 ? string.Empty : " (" + BatteryMonitorVariantName.Of(Reader.Variant) + " key)";
        }

        /// <summary>Keeps <paramref name="settings"/> in flash; a refused write is printed and the settings still apply until the next boot.</summary>
        private void Save(BatteryMonitorSettings settings, LogSink print)
        {
            _settings = settings;
            try
            {
                _file.Write(settings.ToText());
            }
            catch (Exception exception)
            {
                print(">> ERR: BM6 settings not saved (" + exception.Message + "); they apply until the next boot");
            }
        }
    }
}
