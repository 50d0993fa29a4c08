using System;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;

namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// Provisioning in the emulated native component: a node's unprovisioned device beacons, the provisioner role
    /// (keys, UUID match, discovery, admission over a PB-ADV link) and the provisioner's node table, with ESP-IDF's
    /// behaviour where the firmware can see it (docs/reference/esp-ble-mesh.md; native-mesh-interop/native/esp):
    /// matching devices are reported, never provisioned automatically; a UUID already in the node table keeps its
    /// previous address (prov_pvnr.c); an address used by another node makes provisioning fail when the data is
    /// sent; the node table and the keys persist (NVS); a link that gets no answer closes with a timeout.
    /// The link itself is reduced to provisioning data repeated until the device confirms (no ECDH, no
    /// confirmation exchange): both ends hold the same keys afterwards, as after a real link.
    /// </summary>
    public sealed partial class EmulatedMeshStack
    {
        /// <summary>Unprovisioned device beacon period, ms (ESP-IDF's default is 5 s; shorter here so a fresh demo
        /// mesh configures itself quickly).</summary>
        public const int BeaconIntervalMilliseconds = 1000;

        /// <summary>The provisioner's own unicast address (seed §1.3).</summary>
        public const int ProvisionerAddress = 0x0001;

        private const int ProvisioningDataPdu = 1;
        private const int ProvisioningCompletePdu = 2;
        private const int ProvisioningResendMilliseconds = 200;
        private const int ProvisioningAttempts = 25;
        private const int LinkCloseTimeout = 1;
        private const int LinkCloseFailed = 2;

        private Timer _beaconTimer;
        private bool _provisionerReady;
        private byte[] _uuidPrefix = new byte[0];
        private ProvisioningLink _link;

        /// <summary>Fault injection: the device takes the provisioning data but its Complete never reaches the provisioner (as when
        /// the provisioner loses power at that instant): the device ends up provisioned and unknown to the provisioner.</summary>
        public bool SuppressProvisioningComplete { get; set; }

        /// <summary>Own unicast address: a provisioned node's, or the provisioner's once its keys are in place; 0 otherwise.</summary>
        private int OwnAddress => _settings == null ? 0 : _settings.Provisioned ? _settings.UnicastAddress : _provisionerReady ? ProvisionerAddress : 0;

        private bool IsProvisionerRole => (_models & NativeContract.ConfigClient) != 0;

        /// <summary>The provisioner's node table (a copy), for tests and diagnostics.</summary>
        public ProvisionedNodeEntry[] ProvisionedNodes()
        {
            lock (_gate)
            {
                return _settings == null ? new ProvisionedNodeEntry[0] : _settings.Nodes.ToArray();
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

            lock (_gate)
            {
                if (!Started || !IsProvisionerRole)
                {
                    return NativeContract.InvalidState;
                }

                _settings.NetKey = Convert.ToHexString(netKey);
                _settings.AppKey = Convert.ToHexString(appKey);
                _settings.AppKeyIndex = 0;
                _settings.BoundModels |= NativeContract.GenericOnOffClient; // bound to the provisioner's own OnOff client
                _settings.Save(_board.FlashDirectory);
                _uuidPrefix = uuidPrefix.Take(prefixLength).ToArray();
                _provisionerReady = true;
            }

            ThreadPool.QueueUserWorkItem(_ => QueueEvent(NativeContract.ProvisionerReady, ProvisionerAddress, 0, 0, 0, 0, null, 0));
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
            lock (_gate)
            {
                if (!Started || !_provisionerReady)
                {
                    return NativeContract.InvalidState;
                }

                if (_link != null)
                {
                    return NativeContract.Busy;
                }

                // A UUID in the node table keeps its previous address (ESP-IDF prov_pvnr.c: prev_addr).
                ProvisionedNodeEntry known = _settings.Nodes.FirstOrDefault(n => n.Uuid == uuidHex);
                int address = known != null ? known.Address : unicastAddress;
                bool duplicate = _settings.Nodes.Any(n => n.Uuid != uuidHex && n.Address == address) || address == ProvisionerAddress;
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
            lock (_gate)
            {
                if (!Started || !IsProvisionerRole || index < 0 || index >= _settings.Nodes.Count || record.Length < 19)
                {
                    return 0;
                }

                ProvisionedNodeEntry node = _settings.Nodes[index];
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

            lock (_gate)
            {
                if (!Started || !IsProvisionerRole)
                {
                    return NativeContract.InvalidState;
                }

                string uuidHex = Convert.ToHexString(uuid);
                _settings.Nodes.RemoveAll(n => n.Uuid == uuidHex);
                _settings.Save(_board.FlashDirectory);
                return NativeContract.Ok;
            }
        }

        private void StartBeaconing()
        {
            lock (_gate)
            {
                if (Started && !IsProvisionerRole && !_settings.Provisioned && _beaconTimer == null)
                {
                    _beaconTimer = new Timer(_ => SendBeacon(), null, 100, BeaconIntervalMilliseconds);
                }
            }
        }

        private void SendBeacon()
        {
            byte[] uuid;
            lock (_gate)
            {
                if (!Started || _settings.Provisioned)
                {
                    _beaconTimer?.Dispose();
                    _beaconTimer = null;
                    return;
                }

                uuid = _deviceUuid;
            }

            Air?.Transmit(this, new NetworkPdu { Kind = NetworkPdu.BeaconKind, Uuid = uuid, Parameters = new byte[0], SegmentCount = 1 }, relayed: false);
        }

        private void SendProvisioningData(byte[] uuid)
        {
            NetworkPdu data;
            lock (_gate)
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
                Convert.FromHexString(_settings.NetKey).CopyTo(parameters, 2);
                Convert.FromHexString(_link.DeviceKey).CopyTo(parameters, 18);
                data = new NetworkPdu { Kind = NetworkPdu.ProvisioningKind, Opcode = ProvisioningDataPdu, Uuid = uuid, Parameters = parameters, SegmentCount = 1 };
            }

            Air?.Transmit(this, data, relayed: false);
        }

        private void ProcessProvisioningPdu(NetworkPdu pdu)
        {
            if (pdu.Uuid == null || pdu.Uuid.Length != 16)
            {
                return;
            }

            if (pdu.Kind == NetworkPdu.BeaconKind)
            {
                bool report;
                lock (_gate)
                {
                    report = Started && _provisionerReady && pdu.Uuid.Take(_uuidPrefix.Length).SequenceEqual(_uuidPrefix)
                        && (_link == null || !_link.Uuid.SequenceEqual(pdu.Uuid));
                }

                if (report)
                {
                    byte[] record = new byte[26];
                    pdu.Uuid.CopyTo(record, 0);
                    Array.Copy(pdu.Uuid, 2, record, 16, 6); // the advertiser's address: bytes 2-7 of our UUIDs
                    record[25] = 1; // PB-ADV
                    QueueEvent(NativeContract.DeviceDiscovered, 0, 0, 0, 0, -50, record, record.Length);
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
                lock (_gate)
                {
                    if (_link != null && _link.Uuid.SequenceEqual(pdu.Uuid))
                    {
                        string uuidHex = Convert.ToHexString(pdu.Uuid);
                        _settings.Nodes.RemoveAll(n => n.Uuid == uuidHex);
                        entry = new ProvisionedNodeEntry { Uuid = uuidHex, Address = _link.Address, Elements = pdu.Parameters.Length > 0 ? pdu.Parameters[0] : 1, DeviceKey = _link.DeviceKey };
                        _settings.Nodes.Add(entry);
                        _settings.Save(_board.FlashDirectory);
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
            lock (_gate)
            {
                if (!Started || IsProvisionerRole || !pdu.Uuid.SequenceEqual(_deviceUuid))
                {
                    return;
                }

                if (!_settings.Provisioned)
                {
                    _settings = new MeshSettings
                    {
                        Provisioned = true,
                        UnicastAddress = address,
                        NetKey = Convert.ToHexString(pdu.Parameters, 2, 16),
                        DeviceKey = Convert.ToHexString(pdu.Parameters, 18, 16),
                        SequenceBase = _settings.SequenceBase,
                    };
                    _settings.Save(_board.FlashDirectory);
                    _beaconTimer?.Dispose();
                    _beaconTimer = null;
                    newlyProvisioned = true;
                }
                else if (_settings.UnicastAddress != address)
                {
                    return; // a stale link for an earlier provisioning
                }
            }

            if (newlyProvisioned)
            {
                QueueEvent(NativeContract.Provisioned, address, 0, 0, 0, 0, null, 0);
            }

            if (SuppressProvisioningComplete)
            {
                return;
            }

            Air?.Transmit(this, new NetworkPdu { Kind = NetworkPdu.ProvisioningKind, Opcode = ProvisioningCompletePdu, Uuid = _deviceUuid, Parameters = new byte[] { 1 }, SegmentCount = 1 }, relayed: false);
        }

        private void EndLink(byte[] uuid, int kind, int address, int value)
        {
            lock (_gate)
            {
                if (_link == null || !_link.Uuid.SequenceEqual(uuid))
                {
                    return;
                }

                _link.Timer?.Dispose();
                _link = null;
            }

            QueueEvent(kind, address, 0, 0, 0, value, uuid, uuid.Length);
        }

        private void StopProvisioningTimers()
        {
            _beaconTimer?.Dispose();
            _beaconTimer = null;
            _link?.Timer?.Dispose();
            _link = null;
            foreach (PendingConfiguration pending in _pendingConfiguration.Values)
            {
                pending.Timer.Dispose();
            }

            _pendingConfiguration.Clear();
            _provisionerReady = false;
        }

        /// <summary>The UUID with bytes 2-7 filled with this board's Bluetooth address when the firmware left them zero (as the native side does).</summary>
        private byte[] WithBluetoothAddress(byte[] uuid)
        {
            byte[] copy = (byte[])uuid.Clone();
            if (copy.Length == 16 && copy.Skip(2).Take(6).All(b => b == 0))
            {
                byte[] address = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(System.IO.Path.GetFullPath(_board.FlashDirectory)));
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
