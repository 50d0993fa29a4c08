using System;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Mesh.Air;

namespace DcMonitor.Emulator.Peripherals
{
    /// <summary>
    /// A BM6 Bluetooth battery monitor on the virtual air (issue 18; protocol facts in docs/battery-monitor.md and
    /// docs/reference/anchors.md §4): its own address and name, adverts with service 0xFFF0, one central at a time (while
    /// one is connected it neither advertises nor accepts another: a second central's connect times out, as with a phone
    /// holding the real device), the AES-128 protocol with the BM6 key — or the BM7 / BM300 Pro key with <see cref="UsesBm7Key"/> —
    /// (.NET AES, ECB on one block), and a scriptable battery.
    /// <para>A written block that decrypts to the poll command (<c>d1 55 07</c> …) starts notifications of 0xFFF4: one encrypted
    /// <c>d1 55 07</c> response at once, then one every <see cref="NotificationIntervalMicroseconds"/> on the connection's clock,
    /// until the link ends; the responses are encrypted with the monitor's own key. The poll is recognised under either family key
    /// (a modelling choice: what a real BM7 does with a poll under the BM6 key is not known), so a node that chose the wrong
    /// variant gets a response it cannot decrypt, as with <see cref="AnswersWithWrongKey"/>. Response layout: byte 3 temperature sign (1 = below 0 °C), byte 4 |temperature| °C, byte 6 state of
    /// charge %, bytes 7 (low nibble) and 8 the voltage in 10 mV. Other blocks get no answer.</para>
    /// <para>Placement: <see cref="PlaceOn"/> an air (<see cref="BatteryMonitorPlacement"/>); range is the air's link table between a
    /// node's radio and <see cref="RadioName"/> (<see cref="VirtualAir.SetLink"/> out of range: no adverts heard, connects time out,
    /// an open link ends with a supervision timeout at its next notification). Thread-safe.</para>
    /// </summary>
    public sealed class VirtualBatteryMonitor
    {
        /// <summary>The BM6 family's AES key: "leagend", 0xFF, 0xFE, "0100009".</summary>
        public static readonly byte[] Bm6Key = { 108, 101, 97, 103, 101, 110, 100, 255, 254, 48, 49, 48, 48, 48, 48, 57 };

        /// <summary>The BM7 / BM300 Pro key: the BM6 key with its last byte 64 ('@').</summary>
        public static readonly byte[] Bm7Key = { 108, 101, 97, 103, 101, 110, 100, 255, 254, 48, 49, 48, 48, 48, 48, 64 };

        /// <summary>Interval of the 0xFFF4 notifications after the poll command, µs (the device's one second).</summary>
        public const long NotificationIntervalMicroseconds = 1_000_000;

        /// <summary>Largest voltage the response can carry, V (12 bits of 10 mV).</summary>
        public const double MaximumVoltage = 40.95;

        private readonly object _gate = new object();
        private double _voltage = 12.71;
        private int _stateOfCharge = 87;
        private int _temperature = 21;
        private Session _session;

        /// <summary>Creates a monitor with its 6-byte <paramref name="address"/> (least significant byte first, public) and radio name.</summary>
        /// <exception cref="ArgumentException">The address is not 6 bytes or the radio name is empty.</exception>
        public VirtualBatteryMonitor(byte[] address, string radioName, string name = "BM6")
        {
            if (address == null || address.Length != 6)
            {
                throw new ArgumentException("a Bluetooth address is 6 bytes", nameof(address));
            }

            if (string.IsNullOrEmpty(radioName))
            {
                throw new ArgumentException("the monitor needs a radio name on the air", nameof(radioName));
            }

            Address = (byte[])address.Clone();
            RadioName = radioName;
            Name = name;
        }

        /// <summary>The 6 bytes (least significant first) of an address written XX:XX:XX:XX:XX:XX (most significant first, as a phone shows it).</summary>
        /// <exception cref="ArgumentException">Not six hexadecimal bytes separated by colons.</exception>
        public static byte[] ParseAddress(string text)
        {
            string[] parts = text?.Split(':');
            if (parts == null || parts.Length != 6)
            {
                throw new ArgumentException("a Bluetooth address is XX:XX:XX:XX:XX:XX, not " + (text ?? "null"), nameof(text));
            }

            byte[] address = new byte[6];
            for (int i = 0; i < 6; i++)
            {
                if (parts[i].Length != 2 || !byte.TryParse(parts[i], System.Globalization.NumberStyles.HexNumber, null, out address[5 - i]))
                {
                    throw new ArgumentException("a Bluetooth address is XX:XX:XX:XX:XX:XX, not " + text, nameof(text));
                }
            }

            return address;
        }

        /// <summary>The device address, least significant byte first.</summary>
        public byte[] Address { get; }

        /// <summary>0: a public address.</summary>
        public int AddressType => 0;

        /// <summary>Its name on the air's link table.</summary>
        public string RadioName { get; }

        /// <summary>The advertised name ("BM6").</summary>
        public string Name { get; }

        /// <summary>The RSSI a scanner reports for it, dBm.</summary>
        public int RssiDbm { get; set; } = -65;

        /// <summary>
        /// Test mode: answers any write with responses encrypted under the other family key (the BM7 key for a BM6, the BM6 key
        /// for a BM7), which the monitor's own key decrypts to garbage.
        /// </summary>
        public bool AnswersWithWrongKey { get; set; }

        /// <summary>A BM7 / BM300 Pro: its responses are encrypted with <see cref="Bm7Key"/> instead of <see cref="Bm6Key"/> (set at creation).</summary>
        public bool UsesBm7Key { get; init; }

        private byte[] OwnKey => UsesBm7Key ? Bm7Key : Bm6Key;

        private byte[] OtherKey => UsesBm7Key ? Bm6Key : Bm7Key;

        /// <summary>Notifications sent since creation (diagnostics and tests).</summary>
        public int NotificationsSent { get; private set; }

        /// <summary>True while a central holds the monitor.</summary>
        public bool Connected
        {
            get
            {
                lock (_gate)
                {
                    return _session != null;
                }
            }
        }

        /// <summary>Sets the battery the monitor reports: <paramref name="voltage"/> 0–40.95 V, <paramref name="stateOfCharge"/> 0–100 %,
        /// <paramref name="temperatureCelsius"/> −99 to 99 °C (below 0 °C included).</summary>
        /// <exception cref="ArgumentOutOfRangeException">A value the BM6's response cannot carry.</exception>
        public void SetBattery(double voltage, int stateOfCharge, int temperatureCelsius)
        {
            if (voltage < 0 || voltage > MaximumVoltage || double.IsNaN(voltage))
            {
                throw new ArgumentOutOfRangeException(nameof(voltage), voltage, "0 to 40.95 V (12 bits of 10 mV)");
            }

            if (stateOfCharge < 0 || stateOfCharge > 100)
            {
                throw new ArgumentOutOfRangeException(nameof(stateOfCharge), stateOfCharge, "0 to 100 %");
            }

            if (temperatureCelsius < -99 || temperatureCelsius > 99)
            {
                throw new ArgumentOutOfRangeException(nameof(temperatureCelsius), temperatureCelsius, "-99 to 99 °C");
            }

            lock (_gate)
            {
                _voltage = voltage;
                _stateOfCharge = stateOfCharge;
                _temperature = temperatureCelsius;
            }
        }

        /// <summary>Puts the monitor on <paramref name="air"/>: nodes on it whose link to <see cref="RadioName"/> is in range hear it.</summary>
        public void PlaceOn(IAirMedium air) => BatteryMonitorPlacement.Place(air, this);

        /// <summary>Takes the monitor off <paramref name="air"/> (as if its battery were disconnected); an open link ends at its next notification.</summary>
        public void RemoveFrom(IAirMedium air) => BatteryMonitorPlacement.Remove(air, this);

        /// <summary>The advertising data: flags, the complete 16-bit service list [0xFFF0], the complete name.</summary>
        public byte[] AdvertisingData()
        {
            byte[] name = System.Text.Encoding.ASCII.GetBytes(Name);
            byte[] data = new byte[3 + 4 + 2 + name.Length];
            data[0] = 2;
            data[1] = 0x01;
            data[2] = 0x06;
            data[3] = 3;
            data[4] = 0x03;
            data[5] = 0xF0;
            data[6] = 0xFF;
            data[7] = (byte)(name.Length + 1);
            data[8] = 0x09;
            name.CopyTo(data, 9);
            return data;
        }

        /// <summary>A central's connect reached the monitor: the session, or null while another central holds it (it ignores the request).</summary>
        internal Session Accept(IAirClock clock, Action<byte[]> notify, Func<bool> inRange, Action<int> linkLost)
        {
            lock (_gate)
            {
                if (_session != null)
                {
                    return null;
                }

                _session = new Session(this, clock, notify, inRange, linkLost);
                return _session;
            }
        }

        /// <summary>Encrypts the response for the present battery with the key in use.</summary>
        internal byte[] Response()
        {
            byte[] plain = new byte[16];
            lock (_gate)
            {
                int centivolts = (int)Math.Round(_voltage * 100);
                plain[0] = 0xD1;
                plain[1] = 0x55;
                plain[2] = 0x07;
                plain[3] = (byte)(_temperature < 0 ? 1 : 0);
                plain[4] = (byte)Math.Abs(_temperature);
                plain[6] = (byte)_stateOfCharge;
                plain[7] = (byte)((centivolts >> 8) & 0x0F);
                plain[8] = (byte)centivolts;
            }

            byte[] cipher = new byte[16];
            EmulatedBlockCipher.Block(true, AnswersWithWrongKey ? OtherKey : OwnKey, plain, cipher);
            return cipher;
        }

        private void Ended(Session session)
        {
            lock (_gate)
            {
                if (_session == session)
                {
                    _session = null;
                }
            }
        }

        private void CountNotification()
        {
            lock (_gate)
            {
                NotificationsSent++;
            }
        }

        /// <summary>One central's link to the monitor.</summary>
        internal sealed class Session
        {
            private readonly VirtualBatteryMonitor _monitor;
            private readonly IAirClock _clock;
            private readonly Action<byte[]> _notify;
            private readonly Func<bool> _inRange;
            private readonly Action<int> _linkLost;
            private readonly object _gate = new object();
            private IDisposable _next;
            private bool _open = true;

            internal Session(VirtualBatteryMonitor monitor, IAirClock clock, Action<byte[]> notify, Func<bool> inRange, Action<int> linkLost)
            {
                _monitor = monitor;
                _clock = clock;
                _notify = notify;
                _inRange = inRange;
                _linkLost = linkLost;
            }

            /// <summary>A block written to 0xFFF3 (with response: the write always succeeds at the ATT layer).</summary>
            internal void Written(byte[] block)
            {
                bool poll = IsPoll(block, _monitor.OwnKey) || IsPoll(block, _monitor.OtherKey);
                if (!poll && !_monitor.AnswersWithWrongKey)
                {
                    return; // a command this model does not answer (version, history pages)
                }

                lock (_gate)
                {
                    if (_open && _next == null)
                    {
                        _next = _clock.After(0, Notify);
                    }
                }
            }

            /// <summary>True when <paramref name="block"/> decrypts under <paramref name="key"/> to the poll command (<c>d1 55 07</c> …).</summary>
            private static bool IsPoll(byte[] block, byte[] key)
            {
                byte[] plain = new byte[16];
                EmulatedBlockCipher.Block(false, key, block, plain);
                return plain[0] == 0xD1 && plain[1] == 0x55 && plain[2] == 0x07;
            }

            /// <summary>The central ended the link.</summary>
            internal void Close()
            {
                lock (_gate)
                {
                    _open = false;
                    _next?.Dispose();
                    _next = null;
                }

                _monitor.Ended(this);
            }

            private void Notify()
            {
                lock (_gate)
                {
                    if (!_open)
                    {
                        return;
                    }
                }

                if (!_inRange())
                {
                    Close();
                    _linkLost(NativeContract.ReasonSupervisionTimeout);
                    return;
                }

                _monitor.CountNotification();
                _notify(_monitor.Response());
                lock (_gate)
                {
                    if (_open)
                    {
                        _next = _clock.After(NotificationIntervalMicroseconds, Notify);
                    }
                }
            }
        }
    }
}
