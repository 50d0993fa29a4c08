using DcMonitor.MeshInterop;
using DcMonitor.Shared.Battery;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Sensing;
using DcMonitor.Shared.Uplink;
using DcMonitor.UniversalNode.Commands;
using DcMonitor.UniversalNode.Load;
using DcMonitor.UniversalNode.Sensing;

namespace DcMonitor.UniversalNode.Uplink
{
    /// <summary>
    /// The node side of the MQTT uplink: samples the INA260 every <see cref="SamplePeriodMilliseconds"/>, integrates energy
    /// (<see cref="EnergyMeter"/>, saved to flash with the sequence block so both survive power cuts; reports carry the saved total, so
    /// a published counter never goes down after a power cut) and publishes, through the
    /// vendor server's publication (the uplink group 0xC001 set by the provisioner), an energy report and a
    /// <see cref="ReadingReport"/> every publish period and on change: duty changed, current moved by
    /// <see cref="CurrentChangeMilliamps"/> or bus voltage by <see cref="VoltageChangeMillivolts"/> since the last report (at most one
    /// report per sample). A report never carries a current measured before the last duty change: after one it waits until the INA260
    /// has averaged over the new duty (SensorService.SettleMilliseconds). Its identity goes out with the first report after boot and every <see cref="IdentityEveryReports"/>
    /// periodic reports, and whenever a bridge asks (identity request). An uplink command from the bridge runs as a console command would, and its reading report carries the
    /// command's token. Runs on the worker thread only.
    /// </summary>
    public sealed class ReadingReporter
    {
        /// <summary>Sampling period (energy integration and change detection), ms.</summary>
        public const int SamplePeriodMilliseconds = 1000;

        /// <summary>Current change that triggers a report, mA.</summary>
        public const int CurrentChangeMilliamps = 50;

        /// <summary>Bus voltage change that triggers a report, mV.</summary>
        public const int VoltageChangeMillivolts = 500;

        /// <summary>Periodic reports between two identity messages.</summary>
        public const int IdentityEveryReports = 6;

        /// <summary>Sequence numbers reserved per flash write (the meter is saved before they run out, so none repeats after a power cut).</summary>
        public const int SequenceBlock = 256;

        private const string Component = "uplink";
        private readonly MeshNode _mesh;
        private readonly SensorService _sensor;
        private readonly LoadController _load;
        private readonly CommandExecutor _executor;
        private readonly UplinkStore _store;
        private readonly NodeLog _log;
        private readonly EnergyMeter _energy = new EnergyMeter();
        private readonly SensorReading _reading = new SensorReading();
        private readonly ReadingReport _report = new ReadingReport();
        private readonly byte[] _reportBytes = new byte[ReadingReport.EncodedLength];
        private readonly byte[] _energyBytes = new byte[UplinkMessages.EnergyReportLength];
        private readonly MeshState _state = new MeshState(); // read for the identity message, reused (issue 16)
        private int _sequence;
        private int _sequenceBlockEnd;
        private long _lastReportAt = -1;
        private int _lastMillivolts;
        private int _lastMilliamps;
        private int _lastDuty = -1;
        private int _observedDuty = -1;
        private long _observedDutyAt;
        private int _periodicSinceIdentity = IdentityEveryReports;
        private bool _publicationWarned;
        private readonly byte[] _batteryStatus = new byte[BinaryStatusCodec.Length];
        private int _lastToken;
        private int _lastTokenSource;

        /// <summary>The reporter of a node.</summary>
        public ReadingReporter(MeshNode mesh, SensorService sensor, LoadController load, CommandExecutor executor, UplinkStore store, NodeLog log)
        {
            _mesh = mesh;
            _sensor = sensor;
            _load = load;
            _executor = executor;
            _store = store;
            _log = log;
        }

        /// <summary>Gets every report this node makes (identity, energy, reading), whether or not the mesh took it: the node's own
        /// bridge role hears its own node directly rather than through the stack's local delivery of group messages.</summary>
        public UplinkReportHandler LocalDelivery { get; set; }

        /// <summary>False while no bridge (and no candidate) is heard: the node then integrates energy but sends nothing, so a mesh
        /// without an uplink spends no airtime on reports. Set by the uplink service each tick.</summary>
        public bool BridgeHeard { get; set; }

        /// <summary>Publish period, ms (from the uplink settings; every node reports at this period).</summary>
        public int PeriodMilliseconds { get; set; } = UplinkSettings.DefaultPeriodSeconds * 1000;

        /// <summary>Energy counted by this node, mWh.</summary>
        public uint EnergyMilliwattHours => _energy.TotalMilliwattHours;

        /// <summary>The sequence number the next report will carry.</summary>
        public int NextSequence => _sequence;

        /// <summary>Reports published since boot.</summary>
        public int ReportsSent { get; private set; }

        /// <summary>Restores the energy counter and the sequence from flash (call once, on the worker, at <paramref name="nowMilliseconds"/>).</summary>
        public void Restore(long nowMilliseconds)
        {
            uint energy;
            int block;
            if (_store.LoadMeter(out energy, out block))
            {
                _log.Write(Component, "energy " + energy.ToString() + " mWh restored; readings continue at sequence " + block.ToString());
            }

            _energy.Restore(energy, nowMilliseconds);
            _sequence = block;
            _sequenceBlockEnd = block;
        }

        /// <summary>One sample at <paramref name="nowMilliseconds"/>: integrates energy, saves when due, reports when the period ended or something changed.</summary>
        public void Sample(long nowMilliseconds)
        {
            if (_sensor.TryRead(_reading) != SensorReadResult.Ok)
            {
                return; // no measurement: nothing to integrate or report (the bridge marks the node unavailable after a while)
            }

            long microvolts = _reading.BusVoltageMicrovolts;
            long microamps = _reading.CurrentMicroamps;
            _energy.Add(microvolts * microamps / 1000000, nowMilliseconds);
            if (_energy.ShouldSave(nowMilliseconds) && _store.SaveMeter(_energy.TotalMilliwattHours, _sequenceBlockEnd))
            {
                _energy.Saved(nowMilliseconds);
            }

            int duty = _load.DutyPercent;
            if (duty != _observedDuty)
            {
                _observedDuty = duty;
                _observedDutyAt = nowMilliseconds;
            }

            if (nowMilliseconds - _observedDutyAt < _sensor.SettleMilliseconds)
            {
                return; // the measurement still averages over the old duty
            }

            if (!BridgeHeard)
            {
                return; // nobody to report to: the counter goes on, nothing is sent
            }

            int millivolts = (int)(microvolts / 1000);
            int milliamps = (int)(microamps / 1000);
            bool periodic = _lastReportAt < 0 || nowMilliseconds - _lastReportAt >= PeriodMilliseconds;
            bool changed = duty != _lastDuty || Distance(milliamps, _lastMilliamps) >= CurrentChangeMilliamps
                || Distance(millivolts, _lastMillivolts) >= VoltageChangeMillivolts;
            if (periodic || changed)
            {
                Report(0, periodic, !periodic, nowMilliseconds);
            }
        }

        /// <summary>
        /// An uplink command from the bridge (payload: token, 2-byte binary command): runs it like a console command and answers with a
        /// reading report carrying the token. A repeat of the last token from the same bridge (its retry after a lost report) is
        /// answered again without running the command twice. Malformed payloads are logged and ignored.
        /// </summary>
        public void OnCommand(int source, byte[] payload, int length)
        {
            if (UplinkMessages.IsIdentityRequest(payload, length))
            {
                PublishIdentity();
                return;
            }

            string text = length == UplinkMessages.CommandLength ? BinaryCommandCodec.TryDecodeToText(payload, 1, 2) : null;
            int token = length > 0 ? payload[0] : 0;
            if (text == null || token == 0)
            {
                _log.Write(Component, "malformed uplink command from 0x" + source.ToString("X4") + " ignored");
                return;
            }

            if (token == _lastToken && source == _lastTokenSource)
            {
                ReportNow(token);
                return;
            }

            _lastToken = token;
            _lastTokenSource = source;
            RunLocal(text, token);
        }

        /// <summary>
        /// Runs <paramref name="commandText"/> (already validated) on this node and reports with <paramref name="token"/> when it is done.
        /// False when the command queue was full: nothing runs and nothing is reported, and the token is forgotten, so the bridge's
        /// retry of the same command runs it rather than being answered as if it had run.
        /// </summary>
        public bool RunLocal(string commandText, int token)
        {
            if (_executor.Submit(commandText, delegate { ReportNow(token); }))
            {
                return true;
            }

            if (token == _lastToken)
            {
                _lastToken = 0;
                _lastTokenSource = 0;
            }

            _log.Write(Component, "uplink command '" + commandText + "' refused: command queue full");
            return false;
        }

        /// <summary>Reads the sensor and reports now with <paramref name="token"/> (0: not an answer).</summary>
        public void ReportNow(int token)
        {
            if (_sensor.TryRead(_reading) == SensorReadResult.Ok)
            {
                Report(token, false, false, System.Environment.TickCount64);
            }
        }

        /// <summary>Reports the reading last read into <c>_reading</c> (its registers travel as they are: 1.25 mA, 1.25 mV steps).</summary>
        private void Report(int token, bool periodic, bool changed, long nowMilliseconds)
        {
            if (_sequence == _sequenceBlockEnd)
            {
                // Reserve the next block on flash before using it: after a power cut the node resumes past every number it sent.
                _sequenceBlockEnd = (_sequence + SequenceBlock) & 0xFFFF;
                if (_store.SaveMeter(_energy.TotalMilliwattHours, _sequenceBlockEnd))
                {
                    _energy.Saved(nowMilliseconds);
                }
            }

            int sequence = _sequence;
            _sequence = (_sequence + 1) & 0xFFFF;
            int duty = _load.DutyPercent;
            _lastReportAt = nowMilliseconds;
            _lastMillivolts = _reading.BusVoltageMicrovolts / 1000;
            _lastMilliamps = _reading.CurrentMicroamps / 1000;
            _lastDuty = duty;
            if (periodic)
            {
                _periodicSinceIdentity++;
            }

            if (_periodicSinceIdentity >= IdentityEveryReports && PublishIdentity())
            {
                _periodicSinceIdentity = 0; // else (no publication address yet) it goes out with the next report
            }

            UplinkMessages.WriteEnergyReport(sequence, _energy.SavedMilliwattHours, _energyBytes);
            Publish(MeshProtocol.EnergyReportOpcode, _energyBytes, _energyBytes.Length);
            _report.Set(sequence, _reading, duty, token, changed);
            _report.Encode(_reportBytes);
            if (Publish(MeshProtocol.ReadingReportOpcode, _reportBytes, _reportBytes.Length))
            {
                ReportsSent++;
            }
        }

        /// <summary>
        /// Publishes a battery monitor reading (issue 18) to the uplink group as the 8-byte binary battery STATUS
        /// (<see cref="BinaryStatusCodec.EncodeBattery"/>, age 0: just read), so the bridge can publish it to MQTT; nothing while no
        /// bridge is heard (no airtime for a mesh without an uplink). Worker thread.
        /// </summary>
        public bool PublishBattery(BatteryReading reading)
        {
            if (!BridgeHeard)
            {
                return false;
            }

            BinaryStatusCodec.EncodeBattery(BinaryStatusKind.BatteryReading, reading, 0, _batteryStatus);
            return Publish(MeshProtocol.BinaryStatusOpcode, _batteryStatus, _batteryStatus.Length);
        }

        private bool PublishIdentity()
        {
            if (!_mesh.ReadState(_state))
            {
                return false;
            }

            byte[] identity = _state.BluetoothAddress;
            return Publish(MeshProtocol.NodeIdentityOpcode, identity, identity.Length);
        }

        private bool Publish(int opcode, byte[] payload, int length)
        {
            UplinkReportHandler local = LocalDelivery;
            if (local != null)
            {
                local(opcode, payload, length);
            }

            MeshResult result = _mesh.PublishVendor(opcode, payload, length);
            if (result == MeshResult.Ok)
            {
                _publicationWarned = false;
                return true;
            }

            if (!_publicationWarned)
            {
                _publicationWarned = true;
                _log.Write(Component, "report not published (mesh result " + ((int)result).ToString() + "): no publication address yet?");
            }

            return false;
        }

        private static int Distance(int a, int b)
        {
            return a > b ? a - b : b - a;
        }
    }
}
