using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using nanoFramework.Hardware.Esp32;

namespace DcMonitor.Emulator.Board
{
    /// <summary>
    /// One virtual ESP32-C6 board: its clock, GPIO matrix, pin drivers, I2C wiring, PWM channels, serial
    /// ports and internal flash drive (<c>I:</c>, a folder on the host). The emulated nanoFramework APIs
    /// act on <see cref="Current"/>. A node process has one board; tests may run several boards in one
    /// process, each made current for a scope with <see cref="Activate"/> (threads and timers started
    /// inside that scope inherit it).
    /// </summary>
    public sealed class VirtualBoard
    {
        private static readonly AsyncLocal<VirtualBoard> s_scoped = new AsyncLocal<VirtualBoard>();
        private static VirtualBoard s_processBoard;

        private readonly object _gate = new object();
        private readonly Dictionary<int, PinDrive> _drives = new Dictionary<int, PinDrive>();
        private readonly List<VirtualI2cBus> _i2cBuses = new List<VirtualI2cBus>();
        private readonly HashSet<int> _pwmChannelsInUse = new HashSet<int>();
        private readonly Dictionary<string, VirtualSerialPort> _serialPorts = new Dictionary<string, VirtualSerialPort>(StringComparer.Ordinal);
        private readonly Dictionary<int, Func<bool>> _groundSwitches = new Dictionary<int, Func<bool>>();

        /// <summary>Creates a board whose <c>I:</c> drive is <paramref name="flashDirectory"/> (created if missing), on a real-time clock unless <paramref name="clock"/> is given.</summary>
        public VirtualBoard(string flashDirectory, VirtualClock clock = null)
        {
            Clock = clock ?? VirtualClock.RealTime();
            FlashDirectory = Path.GetFullPath(flashDirectory);
            Directory.CreateDirectory(FlashDirectory);
            Wifi = new VirtualWifiStation(this);
        }

        /// <summary>The board activated for the calling flow, else the process's board, else null (no exception).</summary>
        public static VirtualBoard CurrentOrNull => s_scoped.Value ?? s_processBoard;

        /// <summary>The Wi-Fi station interface.</summary>
        public VirtualWifiStation Wifi { get; }

        /// <summary>
        /// The board the emulated APIs act on: the one activated for the calling flow, else the process's
        /// board (<see cref="MakeProcessBoard"/>).
        /// </summary>
        /// <exception cref="InvalidOperationException">No board is active: hardware APIs were called outside an emulated node.</exception>
        public static VirtualBoard Current
        {
            get
            {
                VirtualBoard board = s_scoped.Value ?? s_processBoard;
                if (board == null)
                {
                    throw new InvalidOperationException("No virtual board is active: hardware APIs can only be used inside an emulated node.");
                }

                return board;
            }
        }

        /// <summary>Monotonic board time.</summary>
        public VirtualClock Clock { get; }

        /// <summary>The GPIO matrix.</summary>
        public PinMux PinMux { get; } = new PinMux();

        /// <summary>Host folder that stands for the internal flash drive <c>I:</c>.</summary>
        public string FlashDirectory { get; }

        /// <summary>True once the board lost power (<see cref="CutPower"/>): flash writes stop where they are.</summary>
        public bool PoweredOff { get; private set; }

        /// <summary>Fault injection: power is cut when this many more bytes have been programmed into flash (-1 = never).</summary>
        public long PowerCutAfterFlashBytes { get; set; } = -1;

        /// <summary>Power cut: every flash write from now on, or in progress, stops (the file keeps what was programmed).</summary>
        public void CutPower()
        {
            PoweredOff = true;
            Wifi.RaiseLinkLost(); // the radio is dead: open connections end without a goodbye
        }

        /// <summary>Bytes of a write of <paramref name="length"/> that reach the flash before power goes; all of them while powered.</summary>
        internal int FlashBytesBeforePowerCut(int length)
        {
            if (PoweredOff)
            {
                return 0;
            }

            if (PowerCutAfterFlashBytes < 0 || PowerCutAfterFlashBytes >= length)
            {
                if (PowerCutAfterFlashBytes >= 0)
                {
                    PowerCutAfterFlashBytes -= length;
                }

                return length;
            }

            int programmed = (int)PowerCutAfterFlashBytes;
            PowerCutAfterFlashBytes = -1;
            PoweredOff = true;
            return programmed;
        }

        /// <summary>Makes this board the process-wide default (a node process).</summary>
        public void MakeProcessBoard()
        {
            s_processBoard = this;
        }

        /// <summary>Makes this board current for the calling flow until the result is disposed.</summary>
        public IDisposable Activate()
        {
            VirtualBoard previous = s_scoped.Value;
            s_scoped.Value = this;
            return new Scope(previous);
        }

        /// <summary>The driver history of a GPIO.</summary>
        public PinDrive Pin(int pin)
        {
            Esp32C6.RequireValidGpio(pin, nameof(pin));
            lock (_gate)
            {
                if (!_drives.TryGetValue(pin, out PinDrive drive))
                {
                    drive = new PinDrive();
                    _drives[pin] = drive;
                }

                return drive;
            }
        }

        /// <summary>
        /// Wires a switch from <paramref name="pin"/> to ground (a push button): while <paramref name="closed"/> returns true, the pin
        /// read as an input is low, whatever its pull-up.
        /// </summary>
        /// <exception cref="ArgumentException">The pin is not an ESP32-C6 GPIO, or it has a switch already.</exception>
        public void AttachGroundSwitch(int pin, Func<bool> closed)
        {
            Esp32C6.RequireValidGpio(pin, nameof(pin));
            lock (_gate)
            {
                if (_groundSwitches.ContainsKey(pin))
                {
                    throw new ArgumentException("GPIO " + pin + " already has a switch to ground.", nameof(pin));
                }

                _groundSwitches[pin] = closed;
            }
        }

        /// <summary>True while a switch attached to <paramref name="pin"/> pulls it to ground.</summary>
        internal bool GroundedBySwitch(int pin)
        {
            Func<bool> closed;
            lock (_gate)
            {
                if (!_groundSwitches.TryGetValue(pin, out closed))
                {
                    return false;
                }
            }

            return closed();
        }

        /// <summary>Lays an I2C bus on two GPIOs; attach targets to the result.</summary>
        public VirtualI2cBus AddI2cBus(int dataPin, int clockPin)
        {
            Esp32C6.RequireValidGpio(dataPin, nameof(dataPin));
            Esp32C6.RequireValidGpio(clockPin, nameof(clockPin));
            var bus = new VirtualI2cBus(dataPin, clockPin);
            lock (_gate)
            {
                _i2cBuses.Add(bus);
            }

            return bus;
        }

        /// <summary>
        /// The wired bus that I2C controller <paramref name="busId"/> reaches through the GPIO matrix, or
        /// null when its DATA/CLOCK signals are not routed onto the two wires of one bus.
        /// </summary>
        public VirtualI2cBus RoutedI2cBus(int busId)
        {
            DeviceFunction data = busId == 1 ? DeviceFunction.I2C1_DATA : DeviceFunction.I2C2_DATA;
            DeviceFunction clock = busId == 1 ? DeviceFunction.I2C1_CLOCK : DeviceFunction.I2C2_CLOCK;
            int dataPin = PinMux.PinOf(data);
            int clockPin = PinMux.PinOf(clock);
            lock (_gate)
            {
                foreach (VirtualI2cBus bus in _i2cBuses)
                {
                    if (bus.DataPin == dataPin && bus.ClockPin == clockPin)
                    {
                        return bus;
                    }
                }
            }

            return null;
        }

        /// <summary>Claims a PWM channel (LEDC channel on the ESP32-C6: 0–5); false when already in use.</summary>
        internal bool ClaimPwmChannel(int channel)
        {
            lock (_gate)
            {
                return _pwmChannelsInUse.Add(channel);
            }
        }

        /// <summary>Releases a PWM channel claimed by <see cref="ClaimPwmChannel"/>.</summary>
        internal void ReleasePwmChannel(int channel)
        {
            lock (_gate)
            {
                _pwmChannelsInUse.Remove(channel);
            }
        }

        /// <summary>The serial port behind a COM name ("COM1", "COM2", …); created on first use.</summary>
        public VirtualSerialPort SerialPort(string portName)
        {
            lock (_gate)
            {
                if (!_serialPorts.TryGetValue(portName, out VirtualSerialPort port))
                {
                    port = new VirtualSerialPort(portName);
                    _serialPorts[portName] = port;
                }

                return port;
            }
        }

        private sealed class Scope : IDisposable
        {
            private readonly VirtualBoard _previous;

            public Scope(VirtualBoard previous)
            {
                _previous = previous;
            }

            public void Dispose()
            {
                s_scoped.Value = _previous;
            }
        }
    }
}
