using System;
using System.Collections.Generic;
using DcMonitor.Emulator.Mesh.Air;
using DcMonitor.Emulator.Peripherals;

namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// The emulated battery monitor central of one node (native/esp/dcm_ble_central.c on the device): scans the node's air for
    /// <see cref="VirtualBatteryMonitor"/>s in range, connects to one by address, writes 16-byte blocks to it and forwards its
    /// notifications, with the native component's results, one scan or connection at a time, and the same event records
    /// (BatteryMonitorFound … BatteryMonitorFailed) queued into the stack's ring. Time runs on <see cref="Clock"/> (the air's clock
    /// unless a test sets its own): an advert is heard <see cref="AdvertHeardMicroseconds"/> into a scan, a connection is ready
    /// <see cref="ConnectionSetupMicroseconds"/> after the connect (connection, discovery and subscription take a few connection
    /// events), a write is answered <see cref="ConnectionEventMicroseconds"/> later; a monitor out of range or held by another
    /// central never answers, so the connect times out. Thread-safe.
    /// </summary>
    public sealed class EmulatedBatteryMonitorCentral
    {
        /// <summary>When a monitor in range is heard after a scan starts, µs (its advertising interval is well under a second).</summary>
        public const long AdvertHeardMicroseconds = 200_000;

        /// <summary>From the connect to BatteryMonitorReady, µs: the connection and its discovery and subscription exchanges.</summary>
        public const long ConnectionSetupMicroseconds = 150_000;

        /// <summary>One connection event (the 30 ms interval NimBLE's default connection parameters give), µs.</summary>
        public const long ConnectionEventMicroseconds = 30_000;

        private enum State
        {
            Idle,
            Scanning,
            Connecting,
            Ready,
        }

        private readonly EmulatedMeshStack _stack;
        private readonly object _gate = new object();
        private readonly List<IDisposable> _timers = new List<IDisposable>();
        private State _state;
        private int _generation;
        private int _nextConnection = 1;
        private int _connection;
        private bool _writing;
        private VirtualBatteryMonitor.Session _session;
        private IAirClock _clock;

        internal EmulatedBatteryMonitorCentral(EmulatedMeshStack stack)
        {
            _stack = stack;
        }

        /// <summary>The clock the central and its links run on: set by a test that drives time itself; null: the air's clock (real time without one).</summary>
        public IAirClock Clock
        {
            get => _clock ?? _stack.Air as IAirClock ?? FallbackClock;
            set => _clock = value;
        }

        private static RealTimeAirClock FallbackClock { get; } = new RealTimeAirClock();

        /// <summary>See NativeMesh.CentralStartScan.</summary>
        public int StartScan(int durationMilliseconds)
        {
            if (!InDurationRange(durationMilliseconds))
            {
                return NativeContract.InvalidArgument;
            }

            lock (_gate)
            {
                int result = Claim(State.Scanning, out int generation);
                if (result != NativeContract.Ok)
                {
                    return result;
                }

                IAirClock clock = Clock;
                foreach (VirtualBatteryMonitor monitor in BatteryMonitorPlacement.On(_stack.Air))
                {
                    _timers.Add(clock.After(AdvertHeardMicroseconds, () => Heard(generation, monitor)));
                }

                _timers.Add(clock.After(durationMilliseconds * 1000L, () => ScanEnded(generation)));
            }

            return NativeContract.Ok;
        }

        /// <summary>See NativeMesh.CentralConnect.</summary>
        public int Connect(byte[] address, int addressType, int timeoutMilliseconds)
        {
            if (address.Length != 6 || addressType < 0 || addressType > 1 || !InDurationRange(timeoutMilliseconds))
            {
                return NativeContract.InvalidArgument;
            }

            lock (_gate)
            {
                int result = Claim(State.Connecting, out int generation);
                if (result != NativeContract.Ok)
                {
                    return result;
                }

                VirtualBatteryMonitor target = Array.Find(BatteryMonitorPlacement.On(_stack.Air), m => m.AddressType == addressType && m.Address.AsSpan().SequenceEqual(address));
                IAirClock clock = Clock;
                if (target != null)
                {
                    _timers.Add(clock.After(ConnectionSetupMicroseconds, () => Reached(generation, target)));
                }

                _timers.Add(clock.After(timeoutMilliseconds * 1000L, () => ConnectTimedOut(generation)));
            }

            return NativeContract.Ok;
        }

        /// <summary>See NativeMesh.CentralWrite.</summary>
        public int Write(byte[] block, int length)
        {
            if (length != 16 || length > block.Length)
            {
                return NativeContract.InvalidArgument;
            }

            byte[] copy = block[..16];
            lock (_gate)
            {
                if (_state != State.Ready)
                {
                    return NativeContract.NotConnected;
                }

                if (_writing)
                {
                    return NativeContract.Busy;
                }

                _writing = true;
                int generation = _generation;
                VirtualBatteryMonitor.Session session = _session;
                _timers.Add(Clock.After(ConnectionEventMicroseconds, () => Delivered(generation, session, copy)));
            }

            return NativeContract.Ok;
        }

        /// <summary>See NativeMesh.CentralDisconnect.</summary>
        public int Disconnect()
        {
            VirtualBatteryMonitor.Session session;
            int connection;
            lock (_gate)
            {
                if (_state != State.Connecting && _state != State.Ready)
                {
                    return NativeContract.Ok;
                }

                bool wasReady = _state == State.Ready;
                session = _session;
                connection = _connection;
                Reset();
                if (!wasReady)
                {
                    return NativeContract.Ok; // a cancelled connect raises nothing
                }
            }

            session.Close();
            _stack.QueueEvent(NativeContract.BatteryMonitorDisconnected, 0, 0, 0, connection, NativeContract.ReasonLocalHostTerminated, null, 0);
            return NativeContract.Ok;
        }

        /// <summary>The node lost power: the link ends without an event.</summary>
        internal void PowerOff()
        {
            VirtualBatteryMonitor.Session session;
            lock (_gate)
            {
                session = _session;
                Reset();
            }

            session?.Close();
        }

        private static bool InDurationRange(int milliseconds) =>
            milliseconds >= NativeContract.CentralMinimumDurationMilliseconds && milliseconds <= NativeContract.CentralMaximumDurationMilliseconds;

        /// <summary>Takes the idle central into <paramref name="next"/> with a new generation; InvalidState before start, Busy when not idle. Call holding the gate.</summary>
        private int Claim(State next, out int generation)
        {
            generation = 0;
            if (!_stack.Started)
            {
                return NativeContract.InvalidState;
            }

            if (_state != State.Idle)
            {
                return NativeContract.Busy;
            }

            _state = next;
            generation = ++_generation;
            return NativeContract.Ok;
        }

        private bool InRange(VirtualBatteryMonitor monitor)
        {
            IAirMedium air = _stack.Air;
            bool placed = Array.IndexOf(BatteryMonitorPlacement.On(air), monitor) >= 0;
            return placed && (air is not VirtualAir virtualAir || virtualAir.InRange(_stack.RadioName, monitor.RadioName));
        }

        private void Heard(int generation, VirtualBatteryMonitor monitor)
        {
            lock (_gate)
            {
                if (generation != _generation || _state != State.Scanning || monitor.Connected || !InRange(monitor))
                {
                    return; // a connected BM6 does not advertise
                }
            }

            byte[] name = System.Text.Encoding.ASCII.GetBytes(monitor.Name);
            byte[] payload = new byte[6 + name.Length];
            monitor.Address.CopyTo(payload, 0);
            name.CopyTo(payload, 6);
            _stack.QueueEvent(NativeContract.BatteryMonitorFound, 0, 0, monitor.AddressType, 0, monitor.RssiDbm, payload, payload.Length);
        }

        private void ScanEnded(int generation)
        {
            lock (_gate)
            {
                if (generation != _generation || _state != State.Scanning)
                {
                    return;
                }

                Reset();
            }

            _stack.QueueEvent(NativeContract.BatteryMonitorScanCompleted, 0, 0, 0, 0, 0, null, 0);
        }

        private void Reached(int generation, VirtualBatteryMonitor monitor)
        {
            int connection;
            lock (_gate)
            {
                if (generation != _generation || _state != State.Connecting || !InRange(monitor))
                {
                    return; // out of range: the connect times out
                }

                VirtualBatteryMonitor.Session session = monitor.Accept(Clock, value => Notified(generation, value), () => InRange(monitor), reason => LinkLost(generation, reason));
                if (session == null)
                {
                    return; // held by another central: it does not answer, the connect times out
                }

                CancelTimers();
                _state = State.Ready;
                _session = session;
                _connection = connection = _nextConnection++;
            }

            _stack.QueueEvent(NativeContract.BatteryMonitorReady, 0, 0, 0, connection, 0, monitor.Address, 6);
        }

        private void ConnectTimedOut(int generation)
        {
            lock (_gate)
            {
                if (generation != _generation || _state != State.Connecting)
                {
                    return;
                }

                Reset();
            }

            _stack.QueueEvent(NativeContract.BatteryMonitorFailed, 0, 0, NativeContract.CentralConnectTimedOut, 0, NativeContract.StackTimeout, null, 0);
        }

        private void Delivered(int generation, VirtualBatteryMonitor.Session session, byte[] block)
        {
            lock (_gate)
            {
                if (generation != _generation || _state != State.Ready)
                {
                    return;
                }

                _writing = false;
            }

            session.Written(block);
        }

        private void Notified(int generation, byte[] value)
        {
            int connection;
            lock (_gate)
            {
                if (generation != _generation || _state != State.Ready)
                {
                    return;
                }

                connection = _connection;
            }

            _stack.QueueEvent(NativeContract.BatteryMonitorNotification, 0, 0, 0, connection, 0, value, value.Length);
        }

        private void LinkLost(int generation, int reason)
        {
            int connection;
            lock (_gate)
            {
                if (generation != _generation || _state != State.Ready)
                {
                    return;
                }

                connection = _connection;
                Reset();
            }

            _stack.QueueEvent(NativeContract.BatteryMonitorDisconnected, 0, 0, 0, connection, reason, null, 0);
        }

        /// <summary>Back to idle, timers cancelled and callbacks of the old procedure ignored; call holding the gate.</summary>
        private void Reset()
        {
            CancelTimers();
            _state = State.Idle;
            _generation++;
            _writing = false;
            _session = null;
            _connection = 0;
        }

        private void CancelTimers()
        {
            foreach (IDisposable timer in _timers)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }
    }
}
