using System;
using System.Collections.Generic;
using DcMonitor.Emulator.Mesh;
using DcMonitor.MeshInterop;

namespace DcMonitor.Tests.Allocation
{
    /// <summary>
    /// A native mesh component for measuring the firmware's own mesh classes (<see cref="NativeMeshBridge.Replace"/>): a provisioned
    /// node whose event ring holds the events the test queues (<see cref="Queue"/>) and hands them over only when the firmware drains
    /// it (no custom event is posted, so nothing runs on another thread), and whose sends, replies and DC02 notifications are counted
    /// where the firmware hands them over. Allocates nothing per call once the ring's queue has grown: events are encoded straight into
    /// the firmware's record buffer, the payloads are the test's arrays. Every vendor send is followed by its
    /// <see cref="MeshEventKind.VendorSendCompleted"/> (status 0), as the native component queues it.
    /// </summary>
    internal sealed class ScriptedNativeMesh : INativeMeshComponent
    {
        private readonly Queue<PendingEvent> _events = new Queue<PendingEvent>();
        private readonly int _ownAddress;
        private readonly byte[] _readValue = new byte[512];

        /// <summary>A node provisioned at <paramref name="ownAddress"/> with every model of a universal node bound.</summary>
        public ScriptedNativeMesh(int ownAddress)
        {
            _ownAddress = ownAddress;
        }

        /// <summary>Vendor sends handed over (acknowledged or not).</summary>
        public int VendorSends { get; private set; }

        /// <summary>Destination of the last vendor send.</summary>
        public int LastSendDestination { get; private set; }

        /// <summary>Opcode of the last vendor send.</summary>
        public int LastSendOpcode { get; private set; }

        /// <summary>DC02 notifications (chunks) handed over.</summary>
        public int Notifications { get; private set; }

        /// <summary>Vendor server replies handed over.</summary>
        public int VendorReplies { get; private set; }

        /// <summary>The DC02 read value the firmware set last (its last message), as text.</summary>
        public string LastMessage => System.Text.Encoding.ASCII.GetString(_readValue, 0, LastMessageLength);

        private int LastMessageLength { get; set; }

        /// <summary>Events queued and not yet drained.</summary>
        public int QueuedEvents => _events.Count;

        /// <summary>Queues an event record for the firmware's next drain; <paramref name="payload"/> is kept, not copied (do not change it).</summary>
        public void Queue(MeshEventKind kind, int source, int destination, int opcode, int value, byte[] payload)
        {
            _events.Enqueue(new PendingEvent((int)kind, source, destination, opcode, value, payload));
        }

        /// <inheritdoc/>
        public int Start(int models, bool relayEnabled, int defaultTtl, byte[] deviceUuid) => NativeContract.Ok;

        /// <inheritdoc/>
        public int ReadState(byte[] blob)
        {
            Array.Clear(blob, 0, NativeContract.StateBlobLength);
            blob[0] = 1; // provisioned
            blob[1] = (byte)_ownAddress;
            blob[2] = (byte)(_ownAddress >> 8);
            blob[7] = (byte)(NativeContract.ConfigServer | NativeContract.GenericOnOffClient | NativeContract.GenericOnOffServer | NativeContract.VendorServer | NativeContract.VendorClient);
            blob[8] = 1; // vendor server subscribed to ALL
            blob[9] = 7; // default TTL
            for (int i = 0; i < 6; i++)
            {
                blob[11 + i] = (byte)(0x10 + i);
            }

            return NativeContract.StateBlobLength;
        }

        /// <inheritdoc/>
        public int SendVendor(int destination, int opcode, byte[] payload, int length, int ttl, bool acknowledged, int timeoutMilliseconds)
        {
            VendorSends++;
            LastSendDestination = destination;
            LastSendOpcode = opcode;
            _events.Enqueue(new PendingEvent(NativeContract.VendorSendCompleted, _ownAddress, destination, opcode, 0, null));
            return NativeContract.Ok;
        }

        /// <inheritdoc/>
        public int ReplyVendor(int requestHandle, int opcode, byte[] payload, int length)
        {
            VendorReplies++;
            return NativeContract.Ok;
        }

        /// <inheritdoc/>
        public int PublishVendor(int opcode, byte[] payload, int length) => NativeContract.Ok;

        /// <inheritdoc/>
        public int SendOnOff(int destination, bool on, bool acknowledged, int ttl, int timeoutMilliseconds) => NativeContract.Ok;

        /// <inheritdoc/>
        public int ReplyOnOff(int requestHandle, bool presentState) => NativeContract.Ok;

        /// <inheritdoc/>
        public int TakeEvent(byte[] record)
        {
            if (_events.Count == 0)
            {
                return 0;
            }

            PendingEvent next = _events.Dequeue();
            int length = next.Payload == null ? 0 : next.Payload.Length;
            record[0] = (byte)next.Kind;
            record[1] = (byte)next.Source;
            record[2] = (byte)(next.Source >> 8);
            record[3] = (byte)next.Destination;
            record[4] = (byte)(next.Destination >> 8);
            record[5] = (byte)next.Opcode;
            record[6] = (byte)(next.Opcode >> 8);
            record[7] = (byte)(next.Opcode >> 16);
            record[8] = (byte)(next.Opcode >> 24);
            record[9] = 0; // request handle
            record[10] = 0;
            record[11] = (byte)next.Value;
            record[12] = (byte)(next.Value >> 8);
            record[13] = (byte)length;
            record[14] = (byte)(length >> 8);
            if (length > 0)
            {
                Array.Copy(next.Payload, 0, record, NativeContract.RecordHeaderLength, length);
            }

            return NativeContract.RecordHeaderLength + length;
        }

        /// <inheritdoc/>
        public int GattNotify(byte[] value, int length)
        {
            Notifications++;
            return NativeContract.Ok;
        }

        /// <inheritdoc/>
        public int GattSetReadValue(byte[] value, int length)
        {
            Array.Copy(value, _readValue, length);
            LastMessageLength = length;
            return NativeContract.Ok;
        }

        /// <inheritdoc/>
        public int GattSetSecurity(int mode, int pairingWindowMilliseconds, int passkey) => NativeContract.Ok;

        /// <inheritdoc/>
        public int GattReadBond(int index, byte[] record) => 0;

        /// <inheritdoc/>
        public int GattDeleteBond(byte[] record, int length) => NativeContract.Ok;

        /// <inheritdoc/>
        public int ResetNode() => NativeContract.InvalidState;

        /// <inheritdoc/>
        public int SetStaticOob(byte[] value, int length) => NativeContract.Ok;

        /// <inheritdoc/>
        public int EnableProvisioner(byte[] netKey, byte[] appKey, byte[] uuidPrefix, int prefixLength, byte[] staticOob, int staticOobLength) => NativeContract.InvalidState;

        /// <inheritdoc/>
        public int ProvisionDevice(byte[] deviceRecord, int unicastAddress) => NativeContract.InvalidState;

        /// <inheritdoc/>
        public int ReadProvisionedNode(int index, byte[] record) => 0;

        /// <inheritdoc/>
        public int DeleteProvisionedNode(byte[] uuid) => NativeContract.InvalidState;

        /// <inheritdoc/>
        public int SendConfigRequest(int requestHandle, int destination, int opcode, byte[] parameters, int length, int timeoutMilliseconds) => NativeContract.InvalidState;

        private readonly struct PendingEvent
        {
            public PendingEvent(int kind, int source, int destination, int opcode, int value, byte[] payload)
            {
                Kind = kind;
                Source = source;
                Destination = destination;
                Opcode = opcode;
                Value = value;
                Payload = payload;
            }

            public int Kind { get; }

            public int Source { get; }

            public int Destination { get; }

            public int Opcode { get; }

            public int Value { get; }

            public byte[] Payload { get; }
        }
    }
}
