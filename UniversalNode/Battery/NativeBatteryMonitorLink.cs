using System;
using DcMonitor.MeshInterop;
using DcMonitor.Shared.Battery;

namespace DcMonitor.UniversalNode.Battery
{
    /// <summary>
    /// <see cref="IBatteryMonitorLink"/> over the native central (<see cref="BatteryMonitorCentral"/>, native-mesh-interop): turns its
    /// BatteryMonitor* mesh events into <see cref="BatteryMonitorLinkEvent"/>s (one reused instance, on the interop's event thread)
    /// and its results into the interface's true/false. A call the native side takes (Ok) always ends in events; a refused one
    /// (busy, out of range, before the mesh started) returns false and raises nothing.
    /// </summary>
    public sealed class NativeBatteryMonitorLink : IBatteryMonitorLink
    {
        private const int AddressLength = 6;
        private readonly BatteryMonitorCentral _central;
        private readonly BatteryMonitorLinkEvent _event = new BatteryMonitorLinkEvent();

        /// <summary>Wraps <paramref name="central"/>.</summary>
        /// <exception cref="ArgumentNullException">central is null.</exception>
        public NativeBatteryMonitorLink(BatteryMonitorCentral central)
        {
            if (central == null)
            {
                throw new ArgumentNullException("central");
            }

            _central = central;
            central.EventReceived += OnCentralEvent;
        }

        /// <inheritdoc/>
        public event BatteryMonitorLinkEventHandler LinkEvent;

        /// <inheritdoc/>
        public bool StartScan(int durationMilliseconds)
        {
            return _central.StartScan(durationMilliseconds) == MeshResult.Ok;
        }

        /// <inheritdoc/>
        public bool Connect(byte[] address, int addressType, int timeoutMilliseconds)
        {
            return _central.Connect(address, addressType, timeoutMilliseconds) == MeshResult.Ok;
        }

        /// <inheritdoc/>
        public bool Write(byte[] block)
        {
            return _central.Write(block) == MeshResult.Ok;
        }

        /// <inheritdoc/>
        public void Disconnect()
        {
            _central.Disconnect();
        }

        private void OnCentralEvent(MeshEvent meshEvent)
        {
            BatteryMonitorLinkEventHandler handler = LinkEvent;
            if (handler == null || !Translate(meshEvent))
            {
                return;
            }

            handler(_event);
        }

        /// <summary>Fills the reused link event from a central event; false for a record too short to be one (never raised).</summary>
        private bool Translate(MeshEvent meshEvent)
        {
            _event.Failure = BatteryMonitorLinkFailure.None;
            _event.Name = null;
            _event.Value = 0;
            _event.DataLength = 0;
            _event.AddressType = 0;
            switch (meshEvent.Kind)
            {
                case MeshEventKind.BatteryMonitorFound:
                    if (meshEvent.PayloadLength < AddressLength)
                    {
                        return false;
                    }

                    _event.Kind = BatteryMonitorLinkEventKind.DeviceFound;
                    CopyAddress(meshEvent);
                    _event.AddressType = meshEvent.Opcode;
                    _event.Value = meshEvent.Value;
                    _event.Name = meshEvent.PayloadLength > AddressLength ? ReceivedMeshEvent.PrintableAscii(meshEvent.Payload, AddressLength, meshEvent.PayloadLength - AddressLength) : null;
                    return true;
                case MeshEventKind.BatteryMonitorScanCompleted:
                    _event.Kind = BatteryMonitorLinkEventKind.ScanCompleted;
                    return true;
                case MeshEventKind.BatteryMonitorReady:
                    if (meshEvent.PayloadLength < AddressLength)
                    {
                        return false;
                    }

                    _event.Kind = BatteryMonitorLinkEventKind.Ready;
                    CopyAddress(meshEvent);
                    return true;
                case MeshEventKind.BatteryMonitorNotification:
                    _event.Kind = BatteryMonitorLinkEventKind.Notification;
                    int kept = meshEvent.PayloadLength < BatteryMonitorLinkEvent.MaximumDataLength ? meshEvent.PayloadLength : BatteryMonitorLinkEvent.MaximumDataLength;
                    Array.Copy(meshEvent.Payload, _event.Data, kept);
                    _event.DataLength = kept;
                    return true;
                case MeshEventKind.BatteryMonitorDisconnected:
                    _event.Kind = BatteryMonitorLinkEventKind.Disconnected;
                    _event.Value = meshEvent.Value;
                    return true;
                case MeshEventKind.BatteryMonitorFailed:
                    _event.Kind = BatteryMonitorLinkEventKind.Failed;
                    _event.Failure = (BatteryMonitorLinkFailure)meshEvent.Opcode;
                    _event.Value = meshEvent.Value;
                    return true;
                default:
                    return false;
            }
        }

        private void CopyAddress(MeshEvent meshEvent)
        {
            Array.Copy(meshEvent.Payload, _event.Address, AddressLength);
        }
    }
}
