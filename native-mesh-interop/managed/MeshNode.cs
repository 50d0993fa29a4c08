using System;
using DcMonitor.MeshInterop.Native;
using nanoFramework.Runtime.Events;

namespace DcMonitor.MeshInterop
{
    /// <summary>
    /// The node's BLE Mesh stack and GATT bridge (ARCHITECTURE §4–§5): the one managed entry point to the native
    /// component. There is one stack per device: <see cref="Start"/> succeeds once per boot (the native side
    /// refuses a second start with <see cref="MeshResult.InvalidState"/>).
    /// <para>Sends return at once (<see cref="MeshResult.Ok"/> = queued); outcomes, received messages and GATT
    /// activity arrive through <see cref="EventReceived"/>. The native side queues event records in a bounded ring
    /// buffer and posts a nanoFramework custom event (<see cref="EventSignal"/>); the handler drains the queue on
    /// the runtime's event thread. Overflow is reported as <see cref="MeshEventKind.EventsLost"/>, never silent.</para>
    /// <para>Thread-safety: every method may be called from any thread. <see cref="EventReceived"/> handlers run on
    /// the event thread, one event at a time, and must not block.</para>
    /// </summary>
    public sealed class MeshNode
    {
        /// <summary><c>Data1</c> of the custom event the native side posts when it queued event records.</summary>
        public const ushort EventSignal = 0xDC0E;

        /// <summary>TTL value meaning "the node's default TTL" (ESP_BLE_MESH_TTL_DEFAULT).</summary>
        public const int DefaultTtl = 0xFF;

        /// <summary>Response timeout of acknowledged vendor sends, ms (seed protocol §1.7).</summary>
        public const int VendorResponseTimeoutMilliseconds = 5000;

        /// <summary>Bytes of a bond record (<see cref="ReadGattBond"/>): address type, then the address least significant byte first.</summary>
        public const int GattBondRecordLength = 7;

        private static readonly byte[] NoBytes = new byte[0];
        private readonly object _drainGate = new object();
        private readonly byte[] _record = new byte[MeshEvent.RecordHeaderLength + MeshEvent.MaximumPayloadLength];
        private readonly byte[] _stateBlob = new byte[MeshState.BlobLength];
        private readonly MeshEvent _event = new MeshEvent();

        private MeshNode(MeshComposition composition)
        {
            Composition = composition;
        }

        /// <summary>Raised for every event, on the interop's event thread.</summary>
        public event MeshEventHandler EventReceived;

        /// <summary>The composition the stack was started with.</summary>
        public MeshComposition Composition { get; }

        /// <summary>
        /// Starts the stack once: registers GATT service 0xDC01 (0xDC02 read + notify, 0xDC03 write), initialises
        /// the mesh with <paramref name="composition"/> (restoring a provisioned state from flash) and advertises
        /// "DC-Monitor" with 0xDC01 next to the mesh's own adverts. Subscribe to <see cref="EventReceived"/> before
        /// calling <see cref="DrainEvents"/> once: events queued during start wait for it.
        /// </summary>
        /// <exception cref="ArgumentNullException">composition is null.</exception>
        /// <exception cref="InvalidOperationException">The native start failed, e.g. a second start (the message carries the <see cref="MeshResult"/>;
        /// for <see cref="MeshResult.HostNotSynced"/> it says so, and a later Start may succeed).</exception>
        public static MeshNode Start(MeshComposition composition)
        {
            if (composition == null)
            {
                throw new ArgumentNullException("composition");
            }

            MeshNode node = new MeshNode(composition);
            CustomEvent.CustomEventPosted += node.OnCustomEvent;
            int result = NativeMesh.Start((int)composition.Models, composition.RelayEnabled, composition.DefaultTtl, composition.DeviceUuid);
            if (result != (int)MeshResult.Ok)
            {
                CustomEvent.CustomEventPosted -= node.OnCustomEvent;
                string reason = result == (int)MeshResult.HostNotSynced ? " (the Bluetooth controller did not sync with the host within 10 s; Start may be called again)" : string.Empty;
                throw new InvalidOperationException("mesh start failed: result " + result.ToString() + reason);
            }

            return node;
        }

        /// <summary>Reads the provisioning state from the stack into <paramref name="state"/>; false before Start.</summary>
        public bool ReadState(MeshState state)
        {
            lock (_stateBlob)
            {
                int length = NativeMesh.ReadState(_stateBlob);
                return state.Decode(_stateBlob, length);
            }
        }

        /// <summary>
        /// Vendor client send of <paramref name="length"/> bytes (≤ 380) with a 3-byte vendor opcode. To a unicast
        /// address with <paramref name="acknowledged"/> the stack waits <paramref name="timeoutMilliseconds"/> for
        /// the paired status and raises <see cref="MeshEventKind.VendorSendTimedOut"/> otherwise; at most one such
        /// send per destination (<see cref="MeshResult.Busy"/>). To a group it is never acknowledged: replies arrive
        /// as separate <see cref="MeshEventKind.VendorMessageReceived"/> events. <paramref name="ttl"/> 0–127 or
        /// <see cref="DefaultTtl"/>.
        /// </summary>
        public MeshResult SendVendor(int destination, int opcode, byte[] payload, int length, int ttl, bool acknowledged, int timeoutMilliseconds)
        {
            if (destination <= 0 || destination > 0xFFFF || length < 0 || length > MeshEvent.MaximumPayloadLength || (payload == null ? length > 0 : length > payload.Length))
            {
                return MeshResult.InvalidArgument;
            }

            return (MeshResult)NativeMesh.SendVendor(destination, opcode, OrEmpty(payload), length, ttl, acknowledged, timeoutMilliseconds);
        }

        /// <summary>
        /// Vendor server reply to the request of <paramref name="requestHandle"/> (from its <see cref="MeshEvent"/>):
        /// sent to the requester's unicast address from this node's unicast address — also for requests sent to a
        /// group (seed protocol §4.3) — with the request's NetKey and AppKey and the default TTL.
        /// </summary>
        public MeshResult ReplyVendor(int requestHandle, int opcode, byte[] payload, int length)
        {
            if (length < 0 || length > MeshEvent.MaximumPayloadLength || (payload == null ? length > 0 : length > payload.Length))
            {
                return MeshResult.InvalidArgument;
            }

            return (MeshResult)NativeMesh.ReplyVendor(requestHandle, opcode, OrEmpty(payload), length);
        }

        /// <summary>
        /// Publishes <paramref name="length"/> bytes with a vendor opcode from the vendor server to its publish address
        /// (set by the provisioner with Config Model Publication Set; <see cref="MeshResult.InvalidState"/> while unset).
        /// Used for the periodic readings of the MQTT uplink.
        /// </summary>
        public MeshResult PublishVendor(int opcode, byte[] payload, int length)
        {
            if (length < 0 || length > MeshEvent.MaximumPayloadLength || (payload == null ? length > 0 : length > payload.Length))
            {
                return MeshResult.InvalidArgument;
            }

            return (MeshResult)NativeMesh.PublishVendor(opcode, OrEmpty(payload), length);
        }

        /// <summary>Generic OnOff client Set (seed §4.11: TTL 3, 2 s, acknowledged).</summary>
        public MeshResult SendOnOff(int destination, bool on, bool acknowledged, int ttl, int timeoutMilliseconds)
        {
            return (MeshResult)NativeMesh.SendOnOff(destination, on, acknowledged, ttl, timeoutMilliseconds);
        }

        /// <summary>Generic OnOff server Status answering a Set or a Get (the seed never answered Get, B11).</summary>
        public MeshResult ReplyOnOffStatus(int requestHandle, bool presentState)
        {
            return (MeshResult)NativeMesh.ReplyOnOff(requestHandle, presentState);
        }

        /// <summary>Notifies <paramref name="length"/> bytes (≤ MTU − 3) on DC02; <see cref="MeshResult.NotConnected"/> without a subscribed central.</summary>
        public MeshResult GattNotify(byte[] value, int length)
        {
            if (value == null || length < 1 || length > value.Length)
            {
                return MeshResult.InvalidArgument;
            }

            return (MeshResult)NativeMesh.GattNotify(value, length);
        }

        /// <summary>Sets what a DC02 read returns (seed §1.8: the last message, <c>NODE_READY</c> before the first).</summary>
        public MeshResult GattSetReadValue(byte[] value, int length)
        {
            if (length < 0 || (value == null ? length > 0 : length > value.Length))
            {
                return MeshResult.InvalidArgument;
            }

            return (MeshResult)NativeMesh.GattSetReadValue(OrEmpty(value), length);
        }

        /// <summary>
        /// Sets the static OOB secret this device offers when it is provisioned (Mesh Profile 1.0.1 §5.4.2.4; ESP-IDF
        /// <c>esp_ble_mesh_prov_t.static_val</c> / <c>static_val_len</c>, Static OOB bit of the capabilities' OOB Type):
        /// <paramref name="value"/> 1–16 bytes, or null for No OOB. Call it before <see cref="Start"/> or at any time after: the stack
        /// reads it at each Provisioning Invite, so it applies at the next provisioning (a provisioned node keeps its keys).
        /// </summary>
        /// <returns><see cref="MeshResult.InvalidArgument"/> for a value of 0 or more than 16 bytes.</returns>
        public static MeshResult SetStaticOob(byte[] value)
        {
            int length = value == null ? 0 : value.Length;
            if (value != null && (length < 1 || length > MeshProvisioning.MaximumStaticOobLength))
            {
                return MeshResult.InvalidArgument;
            }

            return (MeshResult)NativeMesh.SetStaticOob(OrEmpty(value), length);
        }

        /// <summary>
        /// Sets who may use service 0xDC01. Call it before <see cref="Start"/> to choose <paramref name="mode"/> (the characteristics'
        /// security flags are fixed when the service is registered: a different mode after start gives <see cref="MeshResult.InvalidState"/>);
        /// call it again at any time to open the pairing window for <paramref name="pairingWindowMilliseconds"/> from now (0 closes it)
        /// with <paramref name="passkey"/> (0–999999) as the passkey the node displays in passkey mode. Without a call the service is open.
        /// </summary>
        public static MeshResult SetGattSecurity(GattSecurityMode mode, int pairingWindowMilliseconds, int passkey)
        {
            if (pairingWindowMilliseconds < 0 || passkey < 0 || passkey > 999999)
            {
                return MeshResult.InvalidArgument;
            }

            return (MeshResult)NativeMesh.GattSetSecurity((int)mode, pairingWindowMilliseconds, passkey);
        }

        /// <summary>
        /// Copies the <paramref name="index"/>-th bond the stack keeps (NimBLE's store in NVS) into <paramref name="record"/> (at least
        /// 7 bytes: address type, address least significant byte first); returns its length, 0 past the last bond.
        /// </summary>
        /// <exception cref="ArgumentException">record is null or shorter than 7 bytes.</exception>
        public int ReadGattBond(int index, byte[] record)
        {
            if (record == null || record.Length < GattBondRecordLength)
            {
                throw new ArgumentException("a bond record needs " + GattBondRecordLength.ToString() + " bytes");
            }

            return NativeMesh.GattReadBond(index, record);
        }

        /// <summary>Deletes the bond of a 7-byte record from <see cref="ReadGattBond"/> (null: every bond); the central, if connected, is disconnected.</summary>
        public MeshResult DeleteGattBond(byte[] record)
        {
            if (record != null && record.Length != GattBondRecordLength)
            {
                return MeshResult.InvalidArgument;
            }

            return (MeshResult)NativeMesh.GattDeleteBond(record == null ? NoBytes : record, record == null ? 0 : GattBondRecordLength);
        }

        /// <summary>
        /// Forgets this node's provisioning (keys, address, bindings; ESP-IDF esp_ble_mesh_node_local_reset) and advertises as an
        /// unprovisioned device again; <see cref="MeshEventKind.NodeReset"/> follows.
        /// <see cref="MeshResult.InvalidState"/> when the node is not provisioned.
        /// </summary>
        public MeshResult ResetNode()
        {
            return (MeshResult)NativeMesh.ResetNode();
        }

        /// <summary>
        /// Provisioner role (a composition with <see cref="MeshModels.ConfigClient"/>): installs <paramref name="netKey"/> as the primary
        /// NetKey (index 0) and <paramref name="appKey"/> as AppKey 0, binds the provisioner's own client models to it, admits only
        /// devices whose UUID starts with the first <paramref name="prefixLength"/> bytes of <paramref name="uuidPrefix"/> (seed §6:
        /// <c>DD DD</c>), sets the static OOB value (<paramref name="staticOob"/> null = no OOB authentication; 1–16 bytes) and starts
        /// scanning over PB-ADV. The outcome arrives as <see cref="MeshEventKind.ProvisionerReady"/>; discovered devices as
        /// <see cref="MeshEventKind.DeviceDiscovered"/>. Nothing is admitted automatically: call <see cref="ProvisionDevice"/>.
        /// </summary>
        /// <returns><see cref="MeshResult.InvalidArgument"/> for keys that are not 16 bytes, a prefix of 0 or more than 16 bytes or an OOB
        /// value longer than 16 bytes; <see cref="MeshResult.InvalidState"/> when this node has no Config Client.</returns>
        public MeshResult EnableProvisioner(byte[] netKey, byte[] appKey, byte[] uuidPrefix, int prefixLength, byte[] staticOob)
        {
            int oobLength = staticOob == null ? 0 : staticOob.Length;
            if (netKey == null || netKey.Length != MeshProvisioning.KeyLength || appKey == null || appKey.Length != MeshProvisioning.KeyLength
                || uuidPrefix == null || prefixLength < 1 || prefixLength > MeshProvisioning.MaximumUuidPrefixLength || prefixLength > uuidPrefix.Length
                || oobLength > MeshProvisioning.MaximumStaticOobLength)
            {
                return MeshResult.InvalidArgument;
            }

            return (MeshResult)NativeMesh.EnableProvisioner(netKey, appKey, uuidPrefix, prefixLength, OrEmpty(staticOob), oobLength);
        }

        /// <summary>
        /// Provisioner role: provisions the device of <paramref name="deviceRecord"/> (from its <see cref="MeshEventKind.DeviceDiscovered"/>
        /// event) over PB-ADV and gives its primary element <paramref name="unicastAddress"/> (0x0001–0x7FFF; the provisioner keeps
        /// addresses stable per UUID). One device at a time: <see cref="MeshResult.Busy"/> while another is being provisioned.
        /// The outcome arrives as <see cref="MeshEventKind.DeviceProvisioned"/> or <see cref="MeshEventKind.ProvisioningFailed"/>.
        /// </summary>
        public MeshResult ProvisionDevice(byte[] deviceRecord, int unicastAddress)
        {
            if (deviceRecord == null || deviceRecord.Length < MeshProvisioning.DeviceRecordLength || unicastAddress < 0x0001 || unicastAddress > 0x7FFF)
            {
                return MeshResult.InvalidArgument;
            }

            return (MeshResult)NativeMesh.ProvisionDevice(deviceRecord, unicastAddress);
        }

        /// <summary>
        /// Provisioner role: reads the <paramref name="index"/>-th node (0-based) of the stack's own node table, which the stack keeps in
        /// flash with the device keys (ESP-IDF esp_ble_mesh_provisioner_get_node_table_entry), into <paramref name="record"/>
        /// (<see cref="MeshProvisioning.NodeRecordLength"/> bytes, layout there). False past the last node or for a short array.
        /// </summary>
        public bool ReadProvisionedNode(int index, byte[] record)
        {
            if (index < 0 || record == null || record.Length < MeshProvisioning.NodeRecordLength)
            {
                return false;
            }

            return NativeMesh.ReadProvisionedNode(index, record) >= MeshProvisioning.NodeRecordLength;
        }

        /// <summary>
        /// Provisioner role: removes the node with <paramref name="uuid"/> from the stack's node table (ESP-IDF
        /// esp_ble_mesh_provisioner_delete_node_with_uuid), so its address is free and the device is admitted as new.
        /// </summary>
        public MeshResult DeleteProvisionedNode(byte[] uuid)
        {
            if (uuid == null || uuid.Length != MeshProvisioning.UuidLength)
            {
                return MeshResult.InvalidArgument;
            }

            return (MeshResult)NativeMesh.DeleteProvisionedNode(uuid);
        }

        /// <summary>
        /// Provisioner role: sends a Config Client request (<paramref name="opcode"/> and <paramref name="parameters"/> from
        /// <see cref="MeshConfigMessages"/>), or a Directed Forwarding Configuration Client request (from <see cref="DirectedForwardingMessages"/>),
        /// to the node at <paramref name="destination"/> with the device key, and waits
        /// <paramref name="timeoutMilliseconds"/> (100–1 200 000; ESP-IDF's range of the client message timeout) for its status.
        /// The status arrives as <see cref="MeshEventKind.ConfigStatusReceived"/>, or <see cref="MeshEventKind.ConfigTimedOut"/>,
        /// both carrying <paramref name="requestHandle"/> (1–65535). One request per destination at a time (<see cref="MeshResult.Busy"/>).
        /// </summary>
        /// <returns><see cref="MeshResult.InvalidArgument"/> for a handle outside 1–65535, a destination that is not unicast, an opcode
        /// neither <see cref="MeshConfigMessages.StatusFor"/> nor <see cref="DirectedForwardingMessages.StatusFor"/> knows, parameters of the wrong length or a timeout outside its range.</returns>
        public MeshResult SendConfigRequest(int requestHandle, int destination, int opcode, byte[] parameters, int timeoutMilliseconds)
        {
            int length = parameters == null ? 0 : parameters.Length;
            if (requestHandle < 1 || requestHandle > 0xFFFF || destination < 0x0001 || destination > 0x7FFF
                || (MeshConfigMessages.StatusFor(opcode) < 0 && DirectedForwardingMessages.StatusFor(opcode) < 0)
                || timeoutMilliseconds < 100 || timeoutMilliseconds > 1200000)
            {
                return MeshResult.InvalidArgument;
            }

            return (MeshResult)NativeMesh.SendConfigRequest(requestHandle, destination, opcode, OrEmpty(parameters), length, timeoutMilliseconds);
        }

        /// <summary>
        /// The array to pass across the InternalCall boundary: nanoCLR's interop marshalling refuses a null array with a
        /// NullReferenceException (nf-interpreter CLR_RT_Interop.cpp Interop_Marshal_NUMERIC_ARRAY, FAULT_ON_NULL), so an
        /// absent payload crosses as an empty one.
        /// </summary>
        private static byte[] OrEmpty(byte[] array)
        {
            return array == null ? NoBytes : array;
        }

        private void OnCustomEvent(object sender, CustomEventArgs e)
        {
            if (e.Data1 == EventSignal)
            {
                DrainEvents();
            }
        }

        /// <summary>Delivers every queued event to <see cref="EventReceived"/> now (also done on each native signal).</summary>
        public void DrainEvents()
        {
            lock (_drainGate)
            {
                int length;
                while ((length = NativeMesh.TakeEvent(_record)) > 0)
                {
                    if (_event.Decode(_record, length))
                    {
                        MeshEventHandler handler = EventReceived;
                        if (handler != null)
                        {
                            handler(_event);
                        }
                    }
                }
            }
        }
    }
}
