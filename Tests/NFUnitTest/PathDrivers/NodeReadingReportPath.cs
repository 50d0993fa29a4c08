using DcMonitor.Shared.Sensing;
using DcMonitor.Shared.Uplink;

namespace DcMonitor.PathDrivers
{
    /// <summary>
    /// (g) The node's periodic reading report, the Shared/ steps of ReadingReporter.Sample and Report from the sensor's registers
    /// to the bytes handed to the mesh: the INA260's registers land in the reporter's reused <see cref="SensorReading"/> (as
    /// Ina260.TryRead fills it), the energy is integrated (<see cref="EnergyMeter.Add"/>; a save is due only every minute and is
    /// counted, not written: the flash is the platform's), the change and period checks run, then the energy report is written into
    /// its reused 6 bytes (<see cref="UplinkMessages.WriteEnergyReport"/>) and the reading report set and encoded into its reused 8
    /// bytes (<see cref="ReadingReport.Set"/>, <see cref="ReadingReport.Encode"/>); both are handed on (a counter, where the
    /// reporter calls MeshNode.PublishVendor). One operation is one sample that reports (a periodic report every sample).
    /// </summary>
    public sealed class NodeReadingReportPath : WholePath
    {
        private const int SamplePeriodMilliseconds = 1000; // ReadingReporter.SamplePeriodMilliseconds
        private const int DutyPercent = 50;
        private readonly SensorReading _reading = new SensorReading();
        private readonly EnergyMeter _energy = new EnergyMeter();
        private readonly ReadingReport _report = new ReadingReport();
        private readonly byte[] _reportBytes = new byte[ReadingReport.EncodedLength];
        private readonly byte[] _energyBytes = new byte[UplinkMessages.EnergyReportLength];
        private long _now;
        private long _lastReportAt = -1;
        private int _sequence;
        private int _handed;
        private int _savesDue;

        /// <inheritdoc/>
        public override string Name => "node's periodic reading report";

        /// <inheritdoc/>
        public override int Handed => _handed;

        /// <summary>Energy saves that fell due (each one a flash write on the node).</summary>
        public int SavesDue => _savesDue;

        /// <inheritdoc/>
        public override void Run()
        {
            _now += SamplePeriodMilliseconds;
            _reading.Set((ushort)(200 + (_sequence & 7)), 9602, 300); // about 12 V, 250 mA
            long microvolts = _reading.BusVoltageMicrovolts;
            long microamps = _reading.CurrentMicroamps;
            _energy.Add(microvolts * microamps / 1000000, _now);
            if (_energy.ShouldSave(_now))
            {
                _savesDue++;
                _energy.Saved(_now);
            }

            bool periodic = _lastReportAt < 0 || _now - _lastReportAt >= SamplePeriodMilliseconds;
            if (!periodic)
            {
                return;
            }

            int sequence = _sequence;
            _sequence = (_sequence + 1) & 0xFFFF;
            _lastReportAt = _now;
            UplinkMessages.WriteEnergyReport(sequence, _energy.SavedMilliwattHours, _energyBytes);
            _report.Set(sequence, _reading, DutyPercent, 0, false);
            _report.Encode(_reportBytes);
            _handed++; // both messages handed to the mesh
        }
    }
}
