using System;
using DcMonitor.MeshInterop.Native;

namespace DcMonitor.MeshInterop
{
    /// <summary>
    /// The native BLE central role toward one BM6-family battery monitor, beside the mesh on the same NimBLE host (issue 18;
    /// docs/battery-monitor.md "Native central"): scan, connect, write one 16-byte block to 0xFFF3, receive 0xFFF4
    /// notifications, disconnect. Outcomes are <see cref="MeshEvent"/>s of the kinds BatteryMonitorFound …
    /// BatteryMonitorFailed (<see cref="MeshEventKind"/>, layouts there), raised by <see cref="EventReceived"/> on the interop's
    /// event thread; every failure and timeout is one. At most one scan or connection at a time (<see cref="MeshResult.Busy"/>).
    /// <para>Thread-safety: the methods may be called from any thread; handlers run on the event thread and must not block.</para>
    /// </summary>
    public sealed class BatteryMonitorCentral
    {
        /// <summary>Shortest scan or connect time limit, ms.</summary>
        public const int MinimumDurationMilliseconds = 1000;

        /// <summary>Longest scan or connect time limit, ms.</summary>
        public const int MaximumDurationMilliseconds = 30000;

        /// <summary>Bytes of a Bluetooth device address.</summary>
        public const int AddressLength = 6;

        /// <summary>Bytes of the block written to 0xFFF3 (one AES block).</summary>
        public const int BlockLength = 16;

        /// <summary>Listens to <paramref name="node"/>'s events and passes on the central's.</summary>
        /// <exception cref="ArgumentNullException">node is null.</exception>
        public BatteryMonitorCentral(MeshNode node)
        {
            if (node == null)
            {
                throw new ArgumentNullException("node");
            }

            node.EventReceived += OnMeshEvent;
        }

        /// <summary>Raised for the central's events only (BatteryMonitorFound … BatteryMonitorFailed); the event is reused after the handler returns.</summary>
        public event MeshEventHandler EventReceived;

        /// <summary>True for the event kinds of the central (other consumers of the mesh's events can leave them alone).</summary>
        public static bool IsCentralEvent(MeshEventKind kind)
        {
            return kind >= MeshEventKind.BatteryMonitorFound && kind <= MeshEventKind.BatteryMonitorFailed;
        }

        /// <summary>Scans for <paramref name="durationMilliseconds"/> (1,000–30,000): BatteryMonitorFound per device, then BatteryMonitorScanCompleted.
        /// <see cref="MeshResult.InvalidArgument"/> out of range, <see cref="MeshResult.InvalidState"/> before the mesh started,
        /// <see cref="MeshResult.Busy"/> while a scan or connection is under way.</summary>
        public MeshResult StartScan(int durationMilliseconds)
        {
            return (MeshResult)NativeMesh.CentralStartScan(durationMilliseconds);
        }

        /// <summary>Connects to <paramref name="address"/> (6 bytes, least significant first; <paramref name="addressType"/> 0 public, 1 random)
        /// within <paramref name="timeoutMilliseconds"/> (1,000–30,000): BatteryMonitorReady or BatteryMonitorFailed. Results as <see cref="StartScan"/>.</summary>
        public MeshResult Connect(byte[] address, int addressType, int timeoutMilliseconds)
        {
            if (address == null || address.Length != AddressLength)
            {
                return MeshResult.InvalidArgument;
            }

            return (MeshResult)NativeMesh.CentralConnect(address, addressType, timeoutMilliseconds);
        }

        /// <summary>Writes the 16-byte <paramref name="block"/> to 0xFFF3 with response; a refusal is a BatteryMonitorFailed event.
        /// <see cref="MeshResult.NotConnected"/> before BatteryMonitorReady, <see cref="MeshResult.Busy"/> while the previous write is unanswered.</summary>
        public MeshResult Write(byte[] block)
        {
            if (block == null || block.Length != BlockLength)
            {
                return MeshResult.InvalidArgument;
            }

            return (MeshResult)NativeMesh.CentralWrite(block, BlockLength);
        }

        /// <summary>Ends the connection (BatteryMonitorDisconnected follows) or cancels a pending connect; no-op when idle.</summary>
        public MeshResult Disconnect()
        {
            return (MeshResult)NativeMesh.CentralDisconnect();
        }

        private void OnMeshEvent(MeshEvent meshEvent)
        {
            MeshEventHandler handler = EventReceived;
            if (handler != null && IsCentralEvent(meshEvent.Kind))
            {
                handler(meshEvent);
            }
        }
    }
}
