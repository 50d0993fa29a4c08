using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Mesh.Air;

namespace DcMonitor.Emulator.Air
{
    /// <summary>
    /// The air as a node process sees it: transmissions go to the hub, which runs the real <see cref="VirtualAir"/>
    /// (topology, loss, counters); PDUs the hub delivers come back through <see cref="Deliver"/>. So that the hub's timed air can
    /// wait for this process as it waits for a radio in its own process (docs/air-model.md "Time"), the process tells the hub when it
    /// is idle: an <c>idle</c> line carrying how many <c>rx</c> lines it had received by then, sent once every reception is processed,
    /// no event waits in the firmware's ring and, after the stack handed the firmware an event, nothing has been transmitted for
    /// <see cref="FirmwareQuietMilliseconds"/> — so the hub still holds its clock when the answer to a reception arrives, and stamps
    /// it from that reception whatever the process's scheduling.
    /// </summary>
    public sealed class RemoteAir : IAirMedium, IAirFeedback
    {
        /// <summary>
        /// Real time without a transmission after the firmware was handed an event before the process counts as idle, ms: the
        /// in-process timed air's quiet window (<c>TimedAirScheduler.FirmwareQuietMilliseconds</c>).
        /// </summary>
        public const int FirmwareQuietMilliseconds = 3;

        private readonly JsonLineConnection _hub;
        private readonly List<IRadio> _radios = new List<IRadio>();
        private readonly object _gate = new object();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly AutoResetEvent _handedOver = new AutoResetEvent(false);
        private long _received;
        private long _reported;
        private long _lastActivityTicks;
        private bool _firmwareBusy;

        /// <summary>Creates the medium over the node's connection to the hub.</summary>
        public RemoteAir(JsonLineConnection hub)
        {
            _hub = hub;
            new Thread(WatchFirmware) { IsBackground = true, Name = "firmware quiet" }.Start();
        }

        /// <summary>Local counters (the hub keeps the network's).</summary>
        public AirStatistics Statistics { get; } = new AirStatistics();

        /// <summary><c>rx</c> lines received so far.</summary>
        public long Received => Interlocked.Read(ref _received);

        /// <inheritdoc/>
        public void Join(IRadio radio)
        {
            lock (_radios)
            {
                _radios.Add(radio);
            }
        }

        /// <inheritdoc/>
        public void Leave(IRadio radio)
        {
            lock (_radios)
            {
                _radios.Remove(radio);
            }
        }

        /// <inheritdoc/>
        /// <remarks>
        /// While the process is handling receptions the hub has not heard the end of (the air holds its clock for them) the line
        /// carries no time: the hub stamps it from the reception it answers. Otherwise a timer sent it and it carries <c>at</c>, the
        /// <see cref="Stopwatch.GetTimestamp"/> of the moment (the machine's monotonic clock, the same in the hub's process): the hub
        /// stamps it from then, not from when it read the line.
        /// </remarks>
        public void Transmit(IRadio sender, NetworkPdu pdu, bool relayed)
        {
            long at = Stopwatch.GetTimestamp();
            bool answering;
            lock (_gate)
            {
                answering = _received != _reported || _firmwareBusy;
            }

            Interlocked.Exchange(ref _lastActivityTicks, _clock.ElapsedTicks);
            var line = new JsonObject { ["op"] = "tx", ["relayed"] = relayed, ["pdu"] = PduJson.ToJson(pdu) };
            if (!answering)
            {
                line["at"] = at;
            }

            _hub.Send(line);
        }

        /// <inheritdoc/>
        public void CountSegmented(IRadio sender, int segments)
        {
            _hub.Send(new JsonObject { ["op"] = "segmented", ["segments"] = segments });
        }

        /// <summary>A PDU the hub delivered to this process's radio (one <c>rx</c> line); tells the hub when it leaves the process idle.</summary>
        public void Deliver(NetworkPdu pdu)
        {
            lock (_gate)
            {
                _received++;
                foreach (IRadio radio in Radios())
                {
                    radio.Receive(pdu);
                }

                ReportWhenIdle();
            }
        }

        /// <inheritdoc/>
        public void ReceptionProcessed()
        {
            lock (_gate)
            {
                ReportWhenIdle();
            }
        }

        /// <inheritdoc/>
        public void HandedToFirmware()
        {
            lock (_gate)
            {
                _firmwareBusy = true;
                Interlocked.Exchange(ref _lastActivityTicks, _clock.ElapsedTicks);
            }

            _handedOver.Set();
        }

        private IRadio[] Radios()
        {
            lock (_radios)
            {
                return _radios.ToArray();
            }
        }

        /// <summary>Sends <c>idle</c> when nothing waits and the hub has not heard of every reception yet (caller holds the gate).</summary>
        private void ReportWhenIdle()
        {
            if (_received == _reported || _firmwareBusy)
            {
                return;
            }

            foreach (IRadio radio in Radios())
            {
                if (radio is IAirActivity activity && activity.PendingReceptions > 0)
                {
                    return;
                }
            }

            _reported = _received;
            _hub.Send(new JsonObject { ["op"] = "idle", ["rx"] = _reported });
        }

        /// <summary>After a hand-over: waits until the firmware's ring is empty and nothing was transmitted for the quiet window, then reports.</summary>
        private void WatchFirmware()
        {
            long quietTicks = Stopwatch.Frequency * FirmwareQuietMilliseconds / 1000;
            while (_handedOver.WaitOne())
            {
                while (true)
                {
                    Thread.Sleep(1);
                    if (_clock.ElapsedTicks - Interlocked.Read(ref _lastActivityTicks) < quietTicks || EventsWaiting())
                    {
                        continue;
                    }

                    lock (_gate)
                    {
                        if (_clock.ElapsedTicks - Interlocked.Read(ref _lastActivityTicks) >= quietTicks)
                        {
                            _firmwareBusy = false;
                            ReportWhenIdle();
                            break;
                        }
                    }
                }
            }
        }

        private bool EventsWaiting()
        {
            foreach (IRadio radio in Radios())
            {
                if (radio is EmulatedMeshStack stack && stack.QueuedEvents > 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
