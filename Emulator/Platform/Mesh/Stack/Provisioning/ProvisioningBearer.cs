using System;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;

namespace DcMonitor.Emulator.Mesh.Stack.Provisioning
{
    /// <summary>
    /// Provisioning of one emulated node over PB-ADV (Mesh Profile 1.0.1 §5: §3.9.2 unprovisioned device beacon, §5.2.1 PB-ADV link,
    /// §5.4 provisioning protocol reduced as below), mirroring Zephyr's subsys/bluetooth/mesh/pb_adv.c, prov.c, provisioner.c and the
    /// unprovisioned beacon of beacon.c: a device's beacons; the provisioner role (keys, UUID match, discovery, admission over a link)
    /// and its node table, with ESP-IDF's behaviour where the firmware can see it (docs/reference/esp-ble-mesh.md;
    /// native-mesh-interop/native/esp): matching devices are reported, never provisioned automatically; a UUID already in the node
    /// table keeps its previous address (prov_pvnr.c); an address used by another node makes provisioning fail when the data is
    /// sent; the node table and the keys persist (NVS); a link that gets no answer closes with a timeout. The link itself is reduced
    /// to provisioning data repeated until the device confirms (no ECDH, no confirmation exchange): both ends hold the same keys
    /// afterwards, as after a real link.
    /// </summary>
    internal sealed class ProvisioningBearer
    {
        /// <summary>Unprovisioned device beacon period, ms (ESP-IDF's default is 5 s; shorter here so a fresh demo
        /// mesh configures itself quickly).</summary>
        public const int BeaconIntervalMilliseconds = 1000;

        private const int ProvisioningDataPdu = 1;
        private const int ProvisioningCompletePdu = 2;
        private const int ProvisioningResendMilliseconds = 200;
        private const int ProvisioningAttempts = 25;
        private const int LinkCloseTimeout = 1;
        private const int LinkCloseFailed = 2;

        private Timer _beaconTimer;
        private byte[] _uuidPrefix = new byte[0];
        private ProvisioningLink _link;

        private readonly NodeState _node;
        private readonly IAdvertisingBearer _bearer;
        private readonly INativeEventSink _events;

        /// <summary>Creates the provisioning of <paramref name="node"/> on <paramref name="bearer"/>.</summary>
        public ProvisioningBearer(NodeState node, IAdvertisingBearer bearer, INativeEventSink events)
        {
            _node = node;
            _bearer = bearer;
            _events = events;
        }

        /// <summary>Fault injection: the device takes the provisioning data but its Complete never reaches the provisioner (as when
        /// the provisioner loses power at that instant): the device ends up provisioned and unknown to the provisioner.</summary>
        public bool SuppressProvisioningComplete { get; set; }

        /// <summary>The provisioner's node table (a copy), for tests and diagnostics.</summary>
        public ProvisionedNodeEntry[] ProvisionedNodes()
        {
            lock (_node.Gate)
            {
                return _node.Settings == null ? new ProvisionedNodeEntry[0] : _node.Settings.Nodes.ToArray();
            }
        }

        /// <summary>Native EnableProvisioner: keys as NetKey 0 / AppKey 0 (persisted, as ESP-IDF stores them), UUID match prefix, PB-ADV on.
        /// ProvisionerReady follows. The static OOB value is kept but unused: the emulated devices offer no OOB.</summary>
        public int EnableProvisioner(byte[] netKey, byte[] appKey, byte[] uuidPrefix, int prefixLength, byte[] staticOob, int staticOobLength)
        {
            if (netKey.Length != 16 || appKey.Length != 16 || prefixLength < 1 || prefixLength > 16 || prefixLength > uuidPrefix.Length
                || staticOobLength < 0 || staticOobLength > 16 || staticOobLength > staticOob.Length)
            {
                return NativeContract.InvalidArgument;
            }

            lock (_node.Gate)
            {
                if (!_node.Started || !_node.IsProvisionerRole)
                {
                    return NativeContract.InvalidState;
                }

                _node.Settings.NetKey = Convert.ToHexString(netKey);
                _node.Settings.AppKey = Convert.ToHexString(appKey);
                _node.Settings.AppKeyIndex = 0;
                _node.Settings.BoundModels |= NativeContract.GenericOnOffClient; // bound to the provisioner's own OnOff client
                _node.Save();
                _uuidPrefix = uuidPrefix.Take(prefixLength).ToArray();
                _node.ProvisionerReady = true;
            }

            ThreadPool.QueueUserWorkItem(_ => _events.QueueEssentialEvent(NativeContract.ProvisionerReady, NodeState.ProvisionerAddress, 0, 0, 0, 0));
            return NativeContract.Ok;
        }

        /// <summary>Native ProvisionDevice: opens a PB-ADV link to the device of a discovered-device record.</summary>
        public int ProvisionDevice(byte[] deviceRecord, int unicastAddress)
        {
            if (deviceRecord.Length < 26 || unicastAddress < 1 || unicastAddress > 0x7FFF || (deviceRecord[25] != 1 && deviceRecord[25] != 2))
            {
                return NativeContract.InvalidArgument;
            }

            byte[] uuid = deviceRecord.Take(16).ToArray();
            string uuidHex = Convert.ToHexString(uuid);
            lock (_node.Gate)
            {
                if (!_node.Started || !_node.ProvisionerReady)
                {
                    return NativeContract.InvalidState;
                }

                if (_link != null)
                {
                    return NativeContract.Busy;
                }

                // A UUID in the node table keeps its previous address (ESP-IDF prov_pvnr.c: prev_addr).
                ProvisionedNodeEntry known = _node.Settings.Nodes.FirstOrDefault(n => n.Uuid == uuidHex);
                int address = known != null ? known.Address : unicastAddress;
                bool duplicate = _node.Settings.Nodes.Any(n => n.Uuid != uuidHex && n.Address == address) || address == NodeState.ProvisionerAddress;
                bool matches = uuid.Take(_uuidPrefix.Length).SequenceEqual(_uuidPrefix);
                _link = new ProvisioningLink { Uuid = uuid, Address = address, DeviceKey = MeshKeys.NewKey() };
                if (!matches || duplicate)
                {
                    int reason = matches ? LinkCloseFailed : -5; // duplicate address: fails at send_prov_data; no match: -EIO
                    ThreadPool.QueueUserWorkItem(_ => EndLink(uuid, NativeContract.ProvisioningFailed, 0, reason));
                    return NativeContract.Ok;
                }

                _link.Timer = new Timer(_ => SendProvisioningData(uuid), null, 0, ProvisioningResendMilliseconds);
            }

            return NativeContract.Ok;
        }

        /// <summary>Native ReadProvisionedNode: the index-th entry of the node table as UUID, address, element count.</summary>
        public int ReadProvisionedNode(int index, byte[] record)
        {
            lock (_node.Gate)
            {
                if (!_node.Started || !_node.IsProvisionerRole || index < 0 || index >= _node.Settings.Nodes.Count || record.Length < 19)
                {
                    return 0;
                }

                ProvisionedNodeEntry node = _node.Settings.Nodes[index];
                Convert.FromHexString(node.Uuid).CopyTo(record, 0);
                record[16] = (byte)node.Address;
                record[17] = (byte)(node.Address >> 8);
                record[18] = (byte)node.Elements;
                return 19;
            }
        }

        /// <summary>Native DeleteProvisionedNode: forgets the node with this UUID (its address and device key).</summary>
        public int DeleteProvisionedNode(byte[] uuid)
        {
            if (uuid.Length != 16)
            {
                return NativeContract.InvalidArgument;
            }

            lock (_node.Gate)
            {
                if (!_node.Started || !_node.IsProvisionerRole)
                {
                    return NativeContract.InvalidState;
                }

                string uuidHex = Convert.ToHexString(uuid);
                _node.Settings.Nodes.RemoveAll(n => n.Uuid == uuidHex);
                _node.Save();
                return NativeContract.Ok;
            }
        }

        /// <summary>Starts the unprovisioned device beacon of a started, unprovisioned node (not the provisioner).</summary>
        public void StartBeaconing()
        {
            lock (_node.Gate)
            {
                if (_node.Started && !_node.IsProvisionerRole && !_node.Settings.Provisioned && _beaconTimer == null)
                {
                    _beaconTimer = new Timer(_ => SendBeacon(), null, 100, BeaconIntervalMilliseconds);
                }
            }
        }

        private void SendBeacon()
        {
            byte[] uuid;
            lock (_node.Gate)
            {
                if (!_node.Started || _node.Settings.Provisioned)
                {
                    _beaconTimer?.Dispose();
                    _beaconTimer = null;
                    return;
                }

                uuid = _node.DeviceUuid;
            }

            _bearer.Transmit(new NetworkPdu { Kind = NetworkPdu.BeaconKind, Uuid = uuid, Parameters = new byte[0], SegmentCount = 1 }, relayed: false);
        }

        private void SendProvisioningData(byte[] uuid)
        {
            NetworkPdu data;
            lock (_node.Gate)
            {
                if (_link == null || !_link.Uuid.SequenceEqual(uuid))
                {
                    return;
                }

                if (++_link.Attempts > ProvisioningAttempts)
                {
                    ThreadPool.QueueUserWorkItem(_ => EndLink(uuid, NativeContract.ProvisioningFailed, 0, LinkCloseTimeout));
                    return;
                }

                byte[] parameters = new byte[2 + 16 + 16];
                parameters[0] = (byte)_link.Address;
                parameters[1] = (byte)(_link.Address >> 8);
                Convert.FromHexString(_node.Settings.NetKey).CopyTo(parameters, 2);
                Convert.FromHexString(_link.DeviceKey).CopyTo(parameters, 18);
                data = new NetworkPdu { Kind = NetworkPdu.ProvisioningKind, Opcode = ProvisioningDataPdu, Uuid = uuid, Parameters = parameters, SegmentCount = 1 };
            }

            _bearer.Transmit(data, relayed: false);
        }

        /// <summary>Takes in a beacon or PB-ADV PDU from the bearer (one radio hop: never relayed).</summary>
        public void Receive(NetworkPdu pdu)
        {
            if (pdu.Uuid == null || pdu.Uuid.Length != 16)
            {
                return;
            }

            if (pdu.Kind == NetworkPdu.BeaconKind)
            {
                bool report;
                lock (_node.Gate)
                {
                    report = _node.Started && _node.ProvisionerReady && pdu.Uuid.Take(_uuidPrefix.Length).SequenceEqual(_uuidPrefix)
                        && (_link == null || !_link.Uuid.SequenceEqual(pdu.Uuid));
                }

                if (report)
                {
                    byte[] record = new byte[26];
                    pdu.Uuid.CopyTo(record, 0);
                    Array.Copy(pdu.Uuid, 2, record, 16, 6); // the advertiser's address: bytes 2-7 of our UUIDs
                    record[25] = 1; // PB-ADV
                    _events.QueueEvent(NativeContract.DeviceDiscovered, 0, 0, 0, 0, -50, record, record.Length);
                }

                return;
            }

            if (pdu.Opcode == ProvisioningDataPdu)
            {
                ReceiveProvisioningData(pdu);
            }
            else if (pdu.Opcode == ProvisioningCompletePdu)
            {
                ProvisionedNodeEntry entry = null;
                lock (_node.Gate)
                {
                    if (_link != null && _link.Uuid.SequenceEqual(pdu.Uuid))
                    {
                        string uuidHex = Convert.ToHexString(pdu.Uuid);
                        _node.Settings.Nodes.RemoveAll(n => n.Uuid == uuidHex);
                        entry = new ProvisionedNodeEntry { Uuid = uuidHex, Address = _link.Address, Elements = pdu.Parameters.Length > 0 ? pdu.Parameters[0] : 1, DeviceKey = _link.DeviceKey };
                        _node.Settings.Nodes.Add(entry);
                        _node.Save();
                    }
                }

                if (entry != null)
                {
                    EndLink(pdu.Uuid, NativeContract.DeviceProvisioned, entry.Address, entry.Elements);
                }
            }
        }

        private void ReceiveProvisioningData(NetworkPdu pdu)
        {
            int address = pdu.Parameters[0] | (pdu.Parameters[1] << 8);
            bool newlyProvisioned = false;
            lock (_node.Gate)
            {
                if (!_node.Started || _node.IsProvisionerRole || !pdu.Uuid.SequenceEqual(_node.DeviceUuid))
                {
                    return;
                }

                if (!_node.Settings.Provisioned)
                {
                    _node.Settings = new MeshSettings
                    {
                        Provisioned = true,
                        UnicastAddress = address,
                        NetKey = Convert.ToHexString(pdu.Parameters, 2, 16),
                        DeviceKey = Convert.ToHexString(pdu.Parameters, 18, 16),
                        SequenceBase = _node.Settings.SequenceBase,
                    };
                    _node.Save();
                    _beaconTimer?.Dispose();
                    _beaconTimer = null;
                    newlyProvisioned = true;
                }
                else if (_node.Settings.UnicastAddress != address)
                {
                    return; // a stale link for an earlier provisioning
                }
            }

            if (newlyProvisioned)
            {
                _events.QueueEvent(NativeContract.Provisioned, address, 0, 0, 0, 0, null, 0);
            }

            if (SuppressProvisioningComplete)
            {
                return;
            }

            _bearer.Transmit(new NetworkPdu { Kind = NetworkPdu.ProvisioningKind, Opcode = ProvisioningCompletePdu, Uuid = _node.DeviceUuid, Parameters = new byte[] { 1 }, SegmentCount = 1 }, relayed: false);
        }

        private void EndLink(byte[] uuid, int kind, int address, int value)
        {
            lock (_node.Gate)
            {
                if (_link == null || !_link.Uuid.SequenceEqual(uuid))
                {
                    return;
                }

                _link.Timer?.Dispose();
                _link = null;
            }

            _events.QueueEvent(kind, address, 0, 0, 0, value, uuid, uuid.Length);
        }

        /// <summary>Stops beaconing and any PB-ADV link, and takes the provisioner role off the air (power off; caller holds the gate).</summary>
        public void StopTimers()
        {
            _beaconTimer?.Dispose();
            _beaconTimer = null;
            _link?.Timer?.Dispose();
            _link = null;
            _node.ProvisionerReady = false;
        }

        /// <summary>The UUID with bytes 2-7 filled with this board's Bluetooth address when the firmware left them zero (as the native side does).</summary>
        public byte[] WithBluetoothAddress(byte[] uuid)
        {
            byte[] copy = (byte[])uuid.Clone();
            if (copy.Length == 16 && copy.Skip(2).Take(6).All(b => b == 0))
            {
                byte[] address = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(System.IO.Path.GetFullPath(_node.FlashDirectory)));
                Array.Copy(address, 0, copy, 2, 6);
            }

            return copy;
        }

        private sealed class ProvisioningLink
        {
            public byte[] Uuid;
            public int Address;
            public string DeviceKey;
            public int Attempts;
            public Timer Timer;
        }
    }
}
