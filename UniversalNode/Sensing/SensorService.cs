using System;
using System.Device.I2c;
using DcMonitor.Shared.Sensing;
using DcMonitor.Shared.Diagnostics;

namespace DcMonitor.UniversalNode.Sensing
{
    /// <summary>
    /// Owns the node's INA260: finds it by its ID registers, writes and verifies the configuration, reads
    /// measurements, and tracks its health. After <see cref="FailuresBeforeAbsent"/> consecutive failed reads
    /// the sensor is marked absent (a reading is then reported as absent, never as 0 V / 0 mA — seed protocol
    /// §9 B18) and <see cref="ReprobeIfAbsent"/>, called every <see cref="ReprobePeriodMilliseconds"/> by the
    /// node, brings it back when it answers again. Used from the node's worker thread only.
    /// </summary>
    public sealed class SensorService
    {
        /// <summary>Consecutive failed reads after which the sensor is considered gone.</summary>
        public const int FailuresBeforeAbsent = 3;

        /// <summary>How often an absent sensor is looked for again, ms.</summary>
        public const int ReprobePeriodMilliseconds = 5000;

        private const string Component = "sensor";

        private readonly int _busId;
        private readonly Ina260Configuration _configuration;
        private readonly NodeLog _log;
        private Ina260 _sensor;
        private int _consecutiveFailures;
        private long _firstResultAtMilliseconds;

        /// <summary>Creates the service for a bus; nothing is probed until <see cref="Probe"/>.</summary>
        public SensorService(int busId, Ina260Configuration configuration, NodeLog log)
        {
            _busId = busId;
            _configuration = configuration;
            _log = log;
        }

        /// <summary>True while an INA260 is known.</summary>
        public bool IsPresent => _sensor != null;

        /// <summary>Its address, or -1 when absent.</summary>
        public int Address => _sensor == null ? -1 : _sensor.Address;

        /// <summary>True when the configuration read back equals the one written at the last probe.</summary>
        public bool ConfigurationVerified { get; private set; }

        /// <summary>
        /// How long after a duty change a reading fully reflects it: two update periods of the configuration
        /// (the averaging window running at the change, then a whole new one), rounded up, plus 10 ms.
        /// </summary>
        public int SettleMilliseconds => ((2 * _configuration.UpdatePeriodMicroseconds) + 999) / 1000 + 10;

        /// <summary>
        /// Milliseconds until the registers hold a result averaged entirely under the configuration written at
        /// the last probe (0 when they already do, or when no sensor is known). Before that they read 0 or stale values.
        /// </summary>
        public int MillisecondsUntilFirstResult
        {
            get
            {
                if (_sensor == null)
                {
                    return 0;
                }

                long remaining = _firstResultAtMilliseconds - Environment.TickCount64;
                return remaining > 0 ? (int)remaining : 0;
            }
        }

        /// <summary>Looks for the sensor on 0x40–0x4F and configures it. Logs what it finds.</summary>
        public void Probe()
        {
            Release();
            Ina260 found = Ina260Locator.Find(_busId);
            if (found == null)
            {
                _log.Write(Component, "no INA260 on 0x40-0x4F (manufacturer 0x5449, die 0x227x); looking again every " + (ReprobePeriodMilliseconds / 1000).ToString() + " s");
                return;
            }

            _sensor = found;
            _consecutiveFailures = 0;
            ushort readBack;
            ConfigurationVerified = found.TryConfigure(_configuration, out readBack);
            _firstResultAtMilliseconds = Environment.TickCount64 + SettleMilliseconds; // writing the configuration restarts the averaging
            string written = Hex4(_configuration.Encode());
            if (ConfigurationVerified)
            {
                _log.Write(Component, "INA260 at 0x" + found.Address.ToString("X2") + ", configuration 0x" + written + " verified ("
                    + _configuration.AveragingSamples.ToString() + " averages, update every "
                    + (_configuration.UpdatePeriodMicroseconds / 1000).ToString() + " ms)");
            }
            else
            {
                _log.Write(Component, "INA260 at 0x" + found.Address.ToString("X2") + ": configuration mismatch, wrote 0x" + written + ", read back 0x" + Hex4(readBack));
            }
        }

        /// <summary>Probes again when no sensor is known (periodic recovery).</summary>
        public void ReprobeIfAbsent()
        {
            if (_sensor == null)
            {
                Probe();
            }
        }

        /// <summary>Reads a measurement into <paramref name="reading"/>.</summary>
        public SensorReadResult TryRead(SensorReading reading)
        {
            if (_sensor == null)
            {
                return SensorReadResult.Absent;
            }

            if (_sensor.TryRead(reading))
            {
                _consecutiveFailures = 0;
                return SensorReadResult.Ok;
            }

            _consecutiveFailures++;
            _log.Write(Component, "read failed (" + Describe(_sensor.LastStatus) + "), " + _consecutiveFailures.ToString() + " in a row");
            if (_consecutiveFailures >= FailuresBeforeAbsent)
            {
                _log.Write(Component, "INA260 marked absent after " + FailuresBeforeAbsent.ToString() + " failed reads");
                Release();
                return SensorReadResult.Absent;
            }

            return SensorReadResult.Failed;
        }

        private void Release()
        {
            if (_sensor != null)
            {
                _sensor.Dispose();
                _sensor = null;
            }

            ConfigurationVerified = false;
        }

        // nanoFramework's Enum.ToString() gives the number, not the name: spell the statuses out.
        private static string Describe(I2cTransferStatus status)
        {
            switch (status)
            {
                case I2cTransferStatus.SlaveAddressNotAcknowledged: return "address not acknowledged";
                case I2cTransferStatus.ClockStretchTimeout: return "clock stretch timeout";
                case I2cTransferStatus.PartialTransfer: return "partial transfer";
                case I2cTransferStatus.FullTransfer: return "full transfer";
                default: return "bus error";
            }
        }

        private static string Hex4(ushort value)
        {
            return value.ToString("X4");
        }
    }
}
