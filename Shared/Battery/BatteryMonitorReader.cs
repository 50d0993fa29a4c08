using System;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Gatt;
using DcMonitor.Shared.Terminal;

namespace DcMonitor.Shared.Battery
{
    /// <summary>
    /// Reads one BM6-family battery monitor over an <see cref="IBatteryMonitorLink"/> (issue 18, docs/battery-monitor.md):
    /// every <see cref="PeriodSeconds"/> it connects, waits for Ready, writes the encrypted poll, takes ONE notification,
    /// and disconnects, so the owner's phone can use the monitor between reads (a BM6 serves one central at a time).
    /// A connect timeout, a refused step, a missing or malformed notification each end the read as a failure whose
    /// reason is logged and kept (<see cref="LastFailure"/>); the last good reading stays with its time
    /// (<see cref="TryGetFreshReading"/>: fresh for <see cref="UnreachableAfterPeriods"/> periods). A second read while one
    /// is in progress is refused (<see cref="BatteryReadStart.AlreadyInProgress"/>). <c>bm6 scan</c> lists the monitors in
    /// range (<see cref="StartScan"/>).
    /// <para>Worker thread only: the node's <c>WorkQueue</c> calls <see cref="Tick"/> every second and hands it the link's
    /// events through a <see cref="BatteryMonitorEventPump"/>. Times are milliseconds of a monotonic clock
    /// (Environment.TickCount64 on the device), passed in. A good reading allocates nothing.</para>
    /// </summary>
    public sealed class BatteryMonitorReader
    {
        /// <summary>Read period by default, s (issue 18).</summary>
        public const int DefaultPeriodSeconds = 60;

        /// <summary>
        /// Shortest read period, s: a read holds the monitor for about 1–3 s (connect, discovery, one notification), so 10 s
        /// still leaves the owner's phone most of the time.
        /// </summary>
        public const int MinimumPeriodSeconds = 10;

        /// <summary>Longest read period, s (one hour).</summary>
        public const int MaximumPeriodSeconds = 3600;

        /// <summary>Delay of the first read after the monitor is configured or the node boots, ms.</summary>
        public const int FirstReadDelayMilliseconds = 5000;

        /// <summary>Connect timeout given to the link, ms (within its 1,000–30,000 ms): the device must answer within it.</summary>
        public const int ConnectTimeoutMilliseconds = 10000;

        /// <summary>
        /// Longer than <see cref="ConnectTimeoutMilliseconds"/> by this the reader stops waiting for Ready or Failed itself
        /// (a link that lost its event), ms.
        /// </summary>
        public const int ConnectGuardMilliseconds = 5000;

        /// <summary>Wait for the notification after the poll was written, ms: the BM6 notifies every second, so five chances.</summary>
        public const int NotificationTimeoutMilliseconds = 5000;

        /// <summary>Wait for Disconnected after asking for it, ms; then the reader goes on as if it had come.</summary>
        public const int DisconnectTimeoutMilliseconds = 3000;

        /// <summary>Duration of a <c>bm6 scan</c>, ms.</summary>
        public const int ScanDurationMilliseconds = 10000;

        /// <summary>
        /// A reading older than this many periods is not reported: the node answers <see cref="BatteryReplies.BatteryMonitorUnreachable"/>
        /// (three periods: one or two failed reads — a phone holding the monitor — are ridden over).
        /// </summary>
        public const int UnreachableAfterPeriods = 3;

        private const string Component = "bm6";

        private readonly IBatteryMonitorLink _link;
        private readonly BatteryMonitorCodec _bm6Codec;
        private readonly BatteryMonitorCodec _bm7Codec;
        private BatteryMonitorCodec _codec;
        private readonly NodeLog _log;
        private readonly byte[] _address = new byte[BondAddress.AddressLength];
        private readonly byte[] _record = new byte[BondAddress.RecordLength];
        private readonly byte[] _block = new byte[BatteryMonitorCodec.BlockLength];
        private readonly BatteryReading _reading = new BatteryReading();
        private readonly BatteryReading _decoded = new BatteryReading();
        private int _addressType;
        private bool _configured;
        private int _periodMilliseconds = DefaultPeriodSeconds * 1000;
        private long _phaseSince;
        private long _nextReadAt;
        private long _readingAt;
        private bool _hasReading;
        private bool _failing;
        private LogSink _readOutput;
        private LogSink _scanOutput;
        private int _scanFound;

        /// <summary>
        /// A reader over <paramref name="link"/>, encrypting and decrypting with <paramref name="cipher"/> and the key of the configured
        /// <see cref="Variant"/> (both codecs are made here, so a read allocates nothing), logging to <paramref name="log"/>.
        /// </summary>
        /// <exception cref="ArgumentNullException">link, cipher or log is null.</exception>
        public BatteryMonitorReader(IBatteryMonitorLink link, IBlockCipher cipher, NodeLog log)
        {
            if (link == null)
            {
                throw new ArgumentNullException("link");
            }

            if (log == null)
            {
                throw new ArgumentNullException("log");
            }

            _link = link;
            _bm6Codec = new BatteryMonitorCodec(cipher, BatteryMonitorKey.Bm6());
            _bm7Codec = new BatteryMonitorCodec(cipher, BatteryMonitorKey.Bm7());
            _codec = _bm6Codec;
            _log = log;
        }

        /// <summary>Told each good reading, on the worker thread (the node publishes it to the uplink); null: nobody.</summary>
        public BatteryReadingHandler ReadingTaken { get; set; }

        /// <summary>What the reader is doing.</summary>
        public BatteryMonitorState State { get; private set; }

        /// <summary>True when a monitor address is configured.</summary>
        public bool IsConfigured => _configured;

        /// <summary>Whose key the reader uses (<see cref="BatteryMonitorVariant.Bm6"/> until configured otherwise).</summary>
        public BatteryMonitorVariant Variant { get; private set; }

        /// <summary>The read period, s (<see cref="MinimumPeriodSeconds"/>–<see cref="MaximumPeriodSeconds"/>).</summary>
        public int PeriodSeconds => _periodMilliseconds / 1000;

        /// <summary>The configured monitor's address as <c>AA:BB:CC:DD:EE:FF</c> (with <c> (random)</c> for a random address), or null.</summary>
        public string AddressText => _configured ? BondAddress.Format(_record) : null;

        /// <summary>Why the last read failed (null until one failed; kept after a later good read for the status line).</summary>
        public string LastFailure { get; private set; }

        /// <summary>Reads that gave a good reading (diagnostics).</summary>
        public int ReadsSucceeded { get; private set; }

        /// <summary>Reads that failed (diagnostics).</summary>
        public int ReadsFailed { get; private set; }

        /// <summary>True when a good reading was ever taken since the monitor was configured.</summary>
        public bool HasReading => _hasReading;

        /// <summary>The last good reading (valid when <see cref="HasReading"/>); the reader's own instance, changed by the next good read.</summary>
        public BatteryReading LastReading => _reading;

        /// <summary>When the last good reading was taken, ms of the caller's clock (valid when <see cref="HasReading"/>).</summary>
        public long LastReadingAt => _readingAt;

        /// <summary>
        /// Configures the monitor at <paramref name="address"/> (6 bytes, least significant first, as <see cref="BondAddress.TryParse"/>
        /// gives it; <paramref name="addressType"/> 0 public, 1 random) read every <paramref name="periodSeconds"/>; the first read
        /// comes <see cref="FirstReadDelayMilliseconds"/> after <paramref name="now"/>. A new address forgets the previous reading.
        /// </summary>
        /// <exception cref="ArgumentException">address is null or not 6 bytes, addressType not 0 or 1.</exception>
        /// <exception cref="ArgumentOutOfRangeException">periodSeconds outside <see cref="MinimumPeriodSeconds"/>–<see cref="MaximumPeriodSeconds"/>.</exception>
        public void Configure(byte[] address, int addressType, int periodSeconds, long now)
        {
            Configure(address, addressType, BatteryMonitorVariant.Bm6, periodSeconds, now);
        }

        /// <summary>
        /// As <see cref="Configure(byte[], int, int, long)"/>, for a monitor of <paramref name="variant"/>: its polls are encrypted and its
        /// responses decrypted with that variant's key (<see cref="BatteryMonitorKey.For"/>). Another variant forgets the previous reading.
        /// </summary>
        /// <exception cref="ArgumentException">address is null or not 6 bytes, addressType not 0 or 1, variant neither Bm6 nor Bm7.</exception>
        /// <exception cref="ArgumentOutOfRangeException">periodSeconds outside <see cref="MinimumPeriodSeconds"/>–<see cref="MaximumPeriodSeconds"/>.</exception>
        public void Configure(byte[] address, int addressType, BatteryMonitorVariant variant, int periodSeconds, long now)
        {
            if (address == null)
            {
                throw new ArgumentException("a BM6 address has 6 bytes");
            }

            CheckAddress(address, addressType);
            BatteryMonitorVariantName.Check(variant);
            CheckPeriod(periodSeconds);
            bool sameMonitor = _configured && _addressType == addressType && Variant == variant && BondAddress.Matches(_record, address);
            Variant = variant;
            _codec = variant == BatteryMonitorVariant.Bm7 ? _bm7Codec : _bm6Codec;
            Array.Copy(address, _address, BondAddress.AddressLength);
            _record[0] = (byte)addressType;
            Array.Copy(address, 0, _record, 1, BondAddress.AddressLength);
            _addressType = addressType;
            _periodMilliseconds = periodSeconds * 1000;
            _configured = true;
            if (!sameMonitor)
            {
                _hasReading = false;
                _failing = false;
                LastFailure = null;
            }

            _nextReadAt = now + FirstReadDelayMilliseconds;
            if (State == BatteryMonitorState.Off)
            {
                State = BatteryMonitorState.Idle;
            }
        }

        /// <summary>Changes the read period; the next read comes one new period after <paramref name="now"/> at the latest.</summary>
        /// <exception cref="ArgumentOutOfRangeException">periodSeconds outside <see cref="MinimumPeriodSeconds"/>–<see cref="MaximumPeriodSeconds"/>.</exception>
        public void SetPeriod(int periodSeconds, long now)
        {
            CheckPeriod(periodSeconds);
            _periodMilliseconds = periodSeconds * 1000;
            if (_nextReadAt > now + _periodMilliseconds)
            {
                _nextReadAt = now + _periodMilliseconds;
            }
        }

        /// <summary>Forgets the monitor (<c>bm6 off</c>): a read in progress is ended, the reading forgotten, the link left alone.</summary>
        public void Disable()
        {
            bool connected = State == BatteryMonitorState.Connecting || State == BatteryMonitorState.AwaitingNotification;
            _configured = false;
            _hasReading = false;
            _failing = false;
            LastFailure = null;
            _readOutput = null;
            if (connected)
            {
                _link.Disconnect();
            }

            if (State != BatteryMonitorState.Scanning)
            {
                State = BatteryMonitorState.Off;
            }
        }

        /// <summary>
        /// Starts a read now (<c>bm6 read</c>, or the period's own); <paramref name="output"/> (may be null) is told the outcome
        /// in one line when it ends. Refused while a read or a scan is in progress.
        /// </summary>
        public BatteryReadStart RequestRead(LogSink output, long now)
        {
            if (!_configured)
            {
                return BatteryReadStart.NotConfigured;
            }

            if (State != BatteryMonitorState.Idle)
            {
                return BatteryReadStart.AlreadyInProgress;
            }

            _readOutput = output;
            _nextReadAt = now + _periodMilliseconds;
            if (!_link.Connect(_address, _addressType, ConnectTimeoutMilliseconds))
            {
                Fail("the link refused to connect (busy with another connection or scan)", now);
                return BatteryReadStart.LinkRefused;
            }

            State = BatteryMonitorState.Connecting;
            _phaseSince = now;
            return BatteryReadStart.Started;
        }

        /// <summary>
        /// Starts a <c>bm6 scan</c> of <see cref="ScanDurationMilliseconds"/>: each monitor found is printed through
        /// <paramref name="output"/> as it is heard, then a summary line. False (nothing started) while a read or scan is in progress or the link refuses.
        /// </summary>
        /// <exception cref="ArgumentNullException">output is null.</exception>
        public bool StartScan(LogSink output, long now)
        {
            if (output == null)
            {
                throw new ArgumentNullException("output");
            }

            if ((State != BatteryMonitorState.Idle && State != BatteryMonitorState.Off) || !_link.StartScan(ScanDurationMilliseconds))
            {
                return false;
            }

            _scanOutput = output;
            _scanFound = 0;
            State = BatteryMonitorState.Scanning;
            _phaseSince = now;
            return true;
        }

        /// <summary>Time passes (call every second or more often): starts the period's read, ends a step that waited too long.</summary>
        public void Tick(long now)
        {
            long waited = now - _phaseSince;
            switch (State)
            {
                case BatteryMonitorState.Idle:
                    if (now >= _nextReadAt)
                    {
                        RequestRead(null, now);
                    }

                    break;
                case BatteryMonitorState.Connecting:
                    if (waited > ConnectTimeoutMilliseconds + ConnectGuardMilliseconds)
                    {
                        _link.Disconnect();
                        Fail("no Ready or Failed from the link within " + ((ConnectTimeoutMilliseconds + ConnectGuardMilliseconds) / 1000).ToString() + " s", now);
                    }

                    break;
                case BatteryMonitorState.AwaitingNotification:
                    if (waited > NotificationTimeoutMilliseconds)
                    {
                        _link.Disconnect();
                        Fail("no notification within " + (NotificationTimeoutMilliseconds / 1000).ToString() + " s of the poll", now);
                    }

                    break;
                case BatteryMonitorState.Disconnecting:
                    if (waited > DisconnectTimeoutMilliseconds)
                    {
                        EndConnection();
                    }

                    break;
                case BatteryMonitorState.Scanning:
                    if (waited > ScanDurationMilliseconds + ConnectGuardMilliseconds)
                    {
                        EndScan("scan ended without ScanCompleted from the link");
                    }

                    break;
            }
        }

        /// <summary>An event of the link (a copy the caller owns), on the worker thread.</summary>
        /// <exception cref="ArgumentNullException">linkEvent is null.</exception>
        public void OnLinkEvent(BatteryMonitorLinkEvent linkEvent, long now)
        {
            if (linkEvent == null)
            {
                throw new ArgumentNullException("linkEvent");
            }

            switch (linkEvent.Kind)
            {
                case BatteryMonitorLinkEventKind.DeviceFound:
                    OnDeviceFound(linkEvent);
                    break;
                case BatteryMonitorLinkEventKind.ScanCompleted:
                    if (State == BatteryMonitorState.Scanning)
                    {
                        EndScan(null);
                    }

                    break;
                case BatteryMonitorLinkEventKind.Ready:
                    OnReady(now);
                    break;
                case BatteryMonitorLinkEventKind.Notification:
                    OnNotification(linkEvent, now);
                    break;
                case BatteryMonitorLinkEventKind.Disconnected:
                    OnDisconnected(linkEvent, now);
                    break;
                case BatteryMonitorLinkEventKind.Failed:
                    OnFailed(linkEvent, now);
                    break;
            }
        }

        /// <summary>
        /// Copies the last good reading into <paramref name="into"/> when it is younger than <see cref="UnreachableAfterPeriods"/>
        /// periods at <paramref name="now"/>; false otherwise (then the node answers <see cref="BatteryReplies.BatteryMonitorUnreachable"/>).
        /// </summary>
        public bool TryGetFreshReading(long now, BatteryReading into)
        {
            if (!_configured || !_hasReading || now - _readingAt > (long)UnreachableAfterPeriods * _periodMilliseconds)
            {
                return false;
            }

            into.CopyFrom(_reading);
            return true;
        }

        /// <summary>The console's one-line status (<c>bm6</c>).</summary>
        public string StatusLine(long now)
        {
            if (!_configured)
            {
                return "BM6 off (no monitor configured; 'bm6 scan', then 'bm6 use AA:BB:CC:DD:EE:FF')";
            }

            string line = "BM6 " + AddressText + " (" + BatteryMonitorVariantName.Of(Variant) + " key), every " + PeriodSeconds.ToString() + " s, " + StateText();
            if (_hasReading)
            {
                line += "; last reading " + BatteryReplies.Reading(_reading) + " " + ((now - _readingAt) / 1000).ToString() + " s ago";
            }
            else
            {
                line += "; no reading yet";
            }

            line += "; " + ReadsSucceeded.ToString() + " read(s) ok, " + ReadsFailed.ToString() + " failed";
            if (LastFailure != null)
            {
                line += "; last failure: " + LastFailure;
            }

            return line;
        }

        private string StateText()
        {
            switch (State)
            {
                case BatteryMonitorState.Scanning:
                    return "scanning";
                case BatteryMonitorState.Connecting:
                    return "connecting";
                case BatteryMonitorState.AwaitingNotification:
                    return "reading";
                case BatteryMonitorState.Disconnecting:
                    return "disconnecting";
                default:
                    return _failing ? "unreachable" : "idle";
            }
        }

        private void OnDeviceFound(BatteryMonitorLinkEvent linkEvent)
        {
            if (State != BatteryMonitorState.Scanning)
            {
                return;
            }

            _scanFound++;
            byte[] record = new byte[BondAddress.RecordLength]; // a scan's line, not the read path
            record[0] = (byte)linkEvent.AddressType;
            Array.Copy(linkEvent.Address, 0, record, 1, BondAddress.AddressLength);
            _scanOutput(">> BM6 found " + BondAddress.Format(record) + " '" + (linkEvent.Name ?? "(no name)") + "' RSSI " + linkEvent.Value.ToString() + " dBm");
        }

        private void EndScan(string problem)
        {
            LogSink output = _scanOutput;
            _scanOutput = null;
            State = _configured ? BatteryMonitorState.Idle : BatteryMonitorState.Off;
            if (output != null)
            {
                output(">> BM6 scan done: " + _scanFound.ToString() + " monitor(s) found" + (problem == null ? string.Empty : " (" + problem + ")")
                    + (_scanFound > 0 ? "; 'bm6 use <address>' reads one" : string.Empty));
            }
        }

        private void OnReady(long now)
        {
            if (State != BatteryMonitorState.Connecting)
            {
                return; // a late Ready after the reader gave up: the disconnect it asked for ends it
            }

            _codec.WritePoll(_block);
            if (!_link.Write(_block))
            {
                _link.Disconnect();
                Fail("the link refused the poll write", now);
                return;
            }

            State = BatteryMonitorState.AwaitingNotification;
            _phaseSince = now;
        }

        private void OnNotification(BatteryMonitorLinkEvent linkEvent, long now)
        {
            if (State != BatteryMonitorState.AwaitingNotification)
            {
                return; // a notification that followed the one taken (the BM6 notifies every second until disconnected)
            }

            _link.Disconnect(); // one notification is enough: free the monitor for the owner's phone
            if (!_codec.TryDecode(linkEvent.Data, linkEvent.DataLength, _decoded))
            {
                Fail(_codec.LastError, now);
                return;
            }

            _reading.CopyFrom(_decoded);
            _readingAt = now;
            _hasReading = true;
            ReadsSucceeded++;
            if (_failing)
            {
                _log.Write(Component, "reachable again: " + BatteryReplies.Reading(_reading));
            }

            _failing = false;
            Disconnecting(now);
            BatteryReadingHandler taken = ReadingTaken;
            if (taken != null)
            {
                taken(_reading);
            }

            if (_readOutput != null)
            {
                LogSink output = _readOutput;
                _readOutput = null;
                output(">> " + BatteryReplies.Reading(_reading));
            }
        }

        private void OnDisconnected(BatteryMonitorLinkEvent linkEvent, long now)
        {
            if (State == BatteryMonitorState.Connecting || State == BatteryMonitorState.AwaitingNotification)
            {
                Fail("the monitor disconnected before its reading (HCI reason 0x" + ((byte)linkEvent.Value).ToString("x2") + ")", now);
            }

            if (State == BatteryMonitorState.Disconnecting)
            {
                EndConnection();
            }
        }

        private void OnFailed(BatteryMonitorLinkEvent linkEvent, long now)
        {
            if (State == BatteryMonitorState.Scanning && linkEvent.Failure == BatteryMonitorLinkFailure.ScanFailed)
            {
                EndScan("the radio refused the scan, error " + linkEvent.Value.ToString());
                return;
            }

            if (State != BatteryMonitorState.Connecting && State != BatteryMonitorState.AwaitingNotification)
            {
                return;
            }

            _link.Disconnect();
            Fail(FailureText(linkEvent.Failure) + " (error " + linkEvent.Value.ToString() + ")", now);
            if (linkEvent.Failure == BatteryMonitorLinkFailure.ConnectTimedOut || linkEvent.Failure == BatteryMonitorLinkFailure.ConnectFailed)
            {
                EndConnection(); // no link was made, so no Disconnected will come: the next read may start at once
            }
        }

        /// <summary>Ends a read as failed: logged, kept in <see cref="LastFailure"/>, told to a waiting <c>bm6 read</c>.</summary>
        private void Fail(string reason, long now)
        {
            ReadsFailed++;
            LastFailure = reason;
            _failing = true;
            _log.Write(Component, "read of " + AddressText + " failed: " + reason);
            Disconnecting(now);
            if (_readOutput != null)
            {
                LogSink output = _readOutput;
                _readOutput = null;
                output(">> ERR: BM6 read failed: " + reason);
            }
        }

        private void Disconnecting(long now)
        {
            if (State == BatteryMonitorState.Connecting || State == BatteryMonitorState.AwaitingNotification)
            {
                State = BatteryMonitorState.Disconnecting;
                _phaseSince = now;
            }
        }

        private void EndConnection()
        {
            State = _configured ? BatteryMonitorState.Idle : BatteryMonitorState.Off;
        }

        private static string FailureText(BatteryMonitorLinkFailure failure)
        {
            switch (failure)
            {
                case BatteryMonitorLinkFailure.ConnectTimedOut:
                    return "no answer to the connection (out of range, off, or busy with another central such as a phone)";
                case BatteryMonitorLinkFailure.ConnectFailed:
                    return "the connection was refused or dropped while being set up";
                case BatteryMonitorLinkFailure.CharacteristicsMissing:
                    return "service FFF0 with FFF3/FFF4 not found (not a BM6?)";
                case BatteryMonitorLinkFailure.SubscribeFailed:
                    return "enabling FFF4 notifications failed";
                case BatteryMonitorLinkFailure.WriteFailed:
                    return "the poll write to FFF3 was refused";
                default:
                    return "the link failed (" + ((int)failure).ToString() + ")";
            }
        }

        /// <summary>Checks a monitor address (6 bytes, or null for none) and its type (0 public, 1 random).</summary>
        /// <exception cref="ArgumentException">address not 6 bytes, addressType not 0 or 1.</exception>
        public static void CheckAddress(byte[] address, int addressType)
        {
            if (address != null && address.Length != BondAddress.AddressLength)
            {
                throw new ArgumentException("a BM6 address has 6 bytes");
            }

            if (addressType != 0 && addressType != 1)
            {
                throw new ArgumentException("address type " + addressType.ToString() + " is neither 0 (public) nor 1 (random)");
            }
        }

        /// <summary>Checks a read period: <see cref="MinimumPeriodSeconds"/>–<see cref="MaximumPeriodSeconds"/> s.</summary>
        /// <exception cref="ArgumentOutOfRangeException">periodSeconds outside the range.</exception>
        public static void CheckPeriod(int periodSeconds)
        {
            if (periodSeconds < MinimumPeriodSeconds || periodSeconds > MaximumPeriodSeconds)
            {
                throw new ArgumentOutOfRangeException("periodSeconds", "the BM6 read period is " + MinimumPeriodSeconds.ToString() + "-" + MaximumPeriodSeconds.ToString() + " s");
            }
        }
    }
}
