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
    /// sent; the node table and the keys persist (NVS); a link that gets no answer closes with a timeout. The link (§5.4.2) is reduced
    /// to Invite, Capabilities, Start with the provisioner's Confirmation, the device's Confirmation, both Randoms, Data and Complete,
    /// each repeated until answered (no ECDH: the public keys are left out), and authenticates as the real one does in effect: each
    /// side's confirmation is a keyed hash of its random under its AuthValue, checked against the random the other side reveals.
    /// Static OOB as ESP-IDF does it (docs/security.md "Authenticated provisioning"): a device with a secret sets the Static OOB
    /// bit of its capabilities' OOB Type; the provisioner then always chooses static OOB, with its own secret or, without one, an
    /// AuthValue of zeros (prov_pvnr.c prov_capabilities, prov_auth); a device without one is provisioned with No OOB even by a
    /// provisioner that has a secret. A value shorter than 16 bytes is padded with leading zero bytes. A mismatch fails the device's
    /// check of the provisioner's confirmation: the device sends Provisioning Failed with Confirmation Failed (0x04) and reports a
    /// failed provisioning; the provisioner closes the link (reason 2, Fail) and reports ProvisioningFailed; nothing is admitted.
    /// </summary>
    internal sealed class ProvisioningBearer
    {
        /// <summary>Unprovisioned device beacon period, ms (ESP-IDF's default is 5 s; shorter here so a fresh demo
        /// mesh configures itself quickly).</summary>
        public const int BeaconIntervalMilliseconds = 1000;

        // PDU types (Mesh Profile 1.0.1 §5.4.1); the Start carries the provisioner's confirmation too (no public keys here).
        private const int InvitePdu = 0x00;
        private const int CapabilitiesPdu = 0x01;
        private const int StartPdu = 0x02;
        private const int ConfirmationPdu = 0x05;
        private const int RandomPdu = 0x06;
        private const int ProvisioningDataPdu = 0x07;
        private const int ProvisioningCompletePdu = 0x08;
        private const int ProvisioningFailedPdu = 0x09;
        private const int ConfirmationFailed = 0x04; // Provisioning Failed error code (§5.4.1.10)
        private const int AuthenticationNoOob = 0x00;
        private const int AuthenticationStatic = 0x01;
        private const int StaticOobAvailable = 0x01; // OOB Type bit 0 of the capabilities
        private const int LinkIdLength = 4; // every provisioner PDU starts with the link's id (PB-ADV Link ID, §5.2.1)
        private const int ValueLength = 16; // AuthValue, random and confirmation, octets
        private const int ProvisioningResendMilliseconds = 200;
        private const int ProvisioningAttempts = 25;
        private const int LinkCloseTimeout = 1;
        private const int LinkCloseFailed = 2;

        private Timer _beaconTimer;
        private byte[] _uuidPrefix = new byte[0];
        private ProvisioningLink _link;
        private DeviceLink _deviceLink;
        private byte[] _deviceStaticOob;
        private byte[] _provisionerStaticOob;

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

        /// <summary>Native SetStaticOob of a device: the secret it offers from its next Invite on (RAM: the firmware sets it at each boot).</summary>
        public int SetDeviceStaticOob(byte[] value, int length)
        {
            if (length < 0 || length > ValueLength || (length > 0 && (value == null || length > value.Length)))
            {
                return NativeContract.InvalidArgument;
            }

            lock (_node.Gate)
            {
                _deviceStaticOob = length == 0 ? null : value.Take(length).ToArray();
            }

            return NativeContract.Ok;
        }

        /// <summary>Native EnableProvisioner: keys as NetKey 0 / AppKey 0 (persisted, as ESP-IDF stores them), UUID match prefix, PB-ADV on.
        /// ProvisionerReady follows. The static OOB value (RAM, as ESP-IDF keeps it) is used with every device that offers static OOB.</summary>
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
                _provisionerStaticOob = staticOobLength == 0 ? null : staticOob.Take(staticOobLength).ToArray();
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
                _link = new ProvisioningLink { Uuid = uuid, Address = address, DeviceKey = MeshKeys.NewKey(), LinkId = RandomNumberGenerator.GetBytes(LinkIdLength) };
                if (!matches || duplicate)
                {
                    int reason = matches ? LinkCloseFailed : -5; // duplicate address: fails at send_prov_data; no match: -EIO
                    ThreadPool.QueueUserWorkItem(_ => EndLink(uuid, NativeContract.ProvisioningFailed, 0, reason));
                    return NativeContract.Ok;
                }

                _link.Timer = new Timer(_ => Resend(uuid), null, 0, ProvisioningResendMilliseconds);
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

        /// <summary>Sends the PDU of the provisioner link's present phase again (the timer's tick), until its attempts run out.</summary>
        private void Resend(byte[] uuid)
        {
            NetworkPdu pdu;
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

                pdu = ProvisionerPdu(_link);
            }

            _bearer.Transmit(pdu, relayed: false);
        }

        /// <summary>The PDU of <paramref name="link"/>'s present phase (caller holds the gate).</summary>
        private NetworkPdu ProvisionerPdu(ProvisioningLink link)
        {
            switch (link.Phase)
            {
                case LinkPhase.Invite:
                    return ToDevice(link, InvitePdu, new byte[0]);
                case LinkPhase.Confirm:
                    return ToDevice(link, StartPdu, new[] { (byte)link.Method }.Concat(link.Confirmation).ToArray());
                case LinkPhase.Random:
                    return ToDevice(link, RandomPdu, link.Random);
                default:
                    byte[] data = new byte[2 + 16 + 16];
                    data[0] = (byte)link.Address;
                    data[1] = (byte)(link.Address >> 8);
                    Convert.FromHexString(_node.Settings.NetKey).CopyTo(data, 2);
                    Convert.FromHexString(link.DeviceKey).CopyTo(data, 18);
                    return ToDevice(link, ProvisioningDataPdu, data);
            }
        }

        private static NetworkPdu ToDevice(ProvisioningLink link, int opcode, byte[] body)
        {
            return new NetworkPdu { Kind = NetworkPdu.ProvisioningKind, Opcode = opcode, Uuid = link.Uuid, Parameters = link.LinkId.Concat(body).ToArray(), SegmentCount = 1 };
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

            bool provisionerRole;
            lock (_node.Gate)
            {
                provisionerRole = _node.IsProvisionerRole;
            }

            if (provisionerRole)
            {
                ReceiveAsProvisioner(pdu);
            }
            else
            {
                ReceiveAsDevice(pdu);
            }
        }

        /// <summary>A device's answer on the provisioner's link: moves the link to its next phase, or ends it.</summary>
        private void ReceiveAsProvisioner(NetworkPdu pdu)
        {
            if (pdu.Opcode == ProvisioningCompletePdu)
            {
                ReceiveComplete(pdu);
                return;
            }

            NetworkPdu next = null;
            int failure = 0;
            lock (_node.Gate)
            {
                ProvisioningLink link = _link;
                if (link == null || !link.Uuid.SequenceEqual(pdu.Uuid))
                {
                    return;
                }

                if (pdu.Opcode == ProvisioningFailedPdu)
                {
                    failure = LinkCloseFailed; // prov_pvnr.c prov_failed: close_link(CLOSE_REASON_FAILED)
                }
                else if (pdu.Opcode == CapabilitiesPdu && link.Phase == LinkPhase.Invite && pdu.Parameters.Length >= 2)
                {
                    // prov_pvnr.c prov_capabilities: static OOB whenever the device offers it, whatever the provisioner holds.
                    link.Method = (pdu.Parameters[1] & StaticOobAvailable) != 0 ? AuthenticationStatic : AuthenticationNoOob;
                    link.AuthValue = AuthValue(link.Method == AuthenticationStatic ? _provisionerStaticOob : null);
                    link.Random = RandomNumberGenerator.GetBytes(ValueLength);
                    link.Confirmation = Confirmation(link.AuthValue, link.LinkId, link.Random);
                    next = Advance(link, LinkPhase.Confirm);
                }
                else if (pdu.Opcode == ConfirmationPdu && link.Phase == LinkPhase.Confirm && pdu.Parameters.Length >= ValueLength)
                {
                    link.DeviceConfirmation = pdu.Parameters.Take(ValueLength).ToArray();
                    // CVE-2020-26560: a confirmation equal to ours is refused (prov_pvnr.c prov_confirm).
                    failure = link.DeviceConfirmation.SequenceEqual(link.Confirmation) ? LinkCloseFailed : 0;
                    next = failure == 0 ? Advance(link, LinkPhase.Random) : null;
                }
                else if (pdu.Opcode == RandomPdu && link.Phase == LinkPhase.Random && pdu.Parameters.Length >= ValueLength)
                {
                    byte[] expected = Confirmation(link.AuthValue, link.LinkId, pdu.Parameters.Take(ValueLength).ToArray());
                    failure = expected.SequenceEqual(link.DeviceConfirmation) ? 0 : LinkCloseFailed;
                    next = failure == 0 ? Advance(link, LinkPhase.Data) : null;
                }
            }

            if (failure != 0)
            {
                EndLink(pdu.Uuid, NativeContract.ProvisioningFailed, 0, failure);
            }
            else if (next != null)
            {
                _bearer.Transmit(next, relayed: false);
            }
        }

        /// <summary>Moves <paramref name="link"/> to <paramref name="phase"/> with a fresh attempt count; its first PDU (caller holds the gate).</summary>
        private NetworkPdu Advance(ProvisioningLink link, LinkPhase phase)
        {
            link.Phase = phase;
            link.Attempts = 0;
            return ProvisionerPdu(link);
        }

        /// <summary>A provisioner PDU addressed to this device: answers it (the same answer to a repeat), checks the confirmation.</summary>
        private void ReceiveAsDevice(NetworkPdu pdu)
        {
            if (pdu.Parameters == null || pdu.Parameters.Length < LinkIdLength)
            {
                return;
            }

            byte[] linkId = pdu.Parameters.Take(LinkIdLength).ToArray();
            byte[] body = pdu.Parameters.Skip(LinkIdLength).ToArray();
            if (pdu.Opcode == ProvisioningDataPdu)
            {
                ReceiveProvisioningData(pdu.Uuid, linkId, body);
                return;
            }

            byte[] answer = null;
            int answerOpcode = 0;
            bool failed = false;
            lock (_node.Gate)
            {
                if (!_node.Started || _node.Settings.Provisioned || !pdu.Uuid.SequenceEqual(_node.DeviceUuid))
                {
                    return;
                }

                if (pdu.Opcode == InvitePdu)
                {
                    if (_deviceLink == null || !_deviceLink.LinkId.SequenceEqual(linkId))
                    {
                        _deviceLink = new DeviceLink { LinkId = linkId };
                    }

                    answerOpcode = CapabilitiesPdu;
                    answer = new byte[] { 1, (byte)(_deviceStaticOob != null ? StaticOobAvailable : 0) }; // elements, OOB Type
                }
                else if (_deviceLink == null || !_deviceLink.LinkId.SequenceEqual(linkId))
                {
                    return; // a PDU of a link this device did not open
                }
                else if (pdu.Opcode == StartPdu && body.Length >= 1 + ValueLength)
                {
                    DeviceLink link = _deviceLink;
                    if (link.ProvisionerConfirmation == null)
                    {
                        // prov_node.c prov_auth: static OOB uses the device's secret (zeros without one); No OOB is accepted as well.
                        link.AuthValue = AuthValue(body[0] == AuthenticationStatic ? _deviceStaticOob : null);
                        link.ProvisionerConfirmation = body.Skip(1).Take(ValueLength).ToArray();
                        link.Random = RandomNumberGenerator.GetBytes(ValueLength);
                        link.Confirmation = Confirmation(link.AuthValue, linkId, link.Random);
                    }

                    answerOpcode = ConfirmationPdu;
                    answer = link.Confirmation;
                }
                else if (pdu.Opcode == RandomPdu && _deviceLink.ProvisionerConfirmation != null && body.Length >= ValueLength)
                {
                    DeviceLink link = _deviceLink;
                    byte[] expected = Confirmation(link.AuthValue, linkId, body.Take(ValueLength).ToArray());
                    if (expected.SequenceEqual(link.ProvisionerConfirmation))
                    {
                        link.Confirmed = true;
                        answerOpcode = RandomPdu;
                        answer = link.Random;
                    }
                    else
                    {
                        failed = !link.Failed; // reported once; every repeat is answered with the same Failed PDU
                        link.Failed = true;
                        answerOpcode = ProvisioningFailedPdu;
                        answer = new byte[] { ConfirmationFailed };
                    }
                }
                else
                {
                    return;
                }
            }

            if (failed)
            {
                _events.QueueEvent(NativeContract.ProvisioningFailed, 0, 0, 0, 0, 0, null, 0);
            }

            _bearer.Transmit(new NetworkPdu { Kind = NetworkPdu.ProvisioningKind, Opcode = answerOpcode, Uuid = pdu.Uuid, Parameters = answer, SegmentCount = 1 }, relayed: false);
        }

        private void ReceiveComplete(NetworkPdu pdu)
        {
            ProvisionedNodeEntry entry = null;
            lock (_node.Gate)
            {
                if (_link != null && _link.Uuid.SequenceEqual(pdu.Uuid) && _link.Phase == LinkPhase.Data)
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

        /// <summary>The 16-octet AuthValue of a secret (null or empty: zeros, No OOB's), padded with leading zero bytes as ESP-IDF's prov_auth does.</summary>
        private static byte[] AuthValue(byte[] secret)
        {
            byte[] value = new byte[ValueLength];
            if (secret != null)
            {
                Array.Copy(secret, 0, value, ValueLength - secret.Length, secret.Length);
            }

            return value;
        }

        /// <summary>A confirmation value: HMAC-SHA256 of the link id and the random under the AuthValue, 16 octets (in effect §5.4.2.4's
        /// AES-CMAC under a key from ECDH; what matters here is that only a side with the same AuthValue can produce it).</summary>
        private static byte[] Confirmation(byte[] authValue, byte[] linkId, byte[] random)
        {
            return HMACSHA256.HashData(authValue, linkId.Concat(random).ToArray()).Take(ValueLength).ToArray();
        }

        private void ReceiveProvisioningData(byte[] uuid, byte[] linkId, byte[] data)
        {
            if (data.Length < 2 + 16 + 16)
            {
                return;
            }

            int address = data[0] | (data[1] << 8);
            bool newlyProvisioned = false;
            lock (_node.Gate)
            {
                if (!_node.Started || _node.IsProvisionerRole || !uuid.SequenceEqual(_node.DeviceUuid)
                    || _deviceLink == null || !_deviceLink.LinkId.SequenceEqual(linkId) || !_deviceLink.Confirmed)
                {
                    return; // data only on a link whose confirmation this device checked
                }

                if (!_node.Settings.Provisioned)
                {
                    _node.Settings = new MeshSettings
                    {
                        Provisioned = true,
                        UnicastAddress = address,
                        NetKey = Convert.ToHexString(data, 2, 16),
                        DeviceKey = Convert.ToHexString(data, 18, 16),
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
            _deviceLink = null;
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

        private enum LinkPhase
        {
            Invite,
            Confirm,
            Random,
            Data,
        }

        /// <summary>The provisioner's side of a link.</summary>
        private sealed class ProvisioningLink
        {
            public byte[] Uuid;
            public byte[] LinkId;
            public int Address;
            public string DeviceKey;
            public int Attempts;
            public Timer Timer;
            public LinkPhase Phase;
            public int Method;
            public byte[] AuthValue;
            public byte[] Random;
            public byte[] Confirmation;
            public byte[] DeviceConfirmation;
        }

        /// <summary>The device's side of a link (the one whose Invite it answered last).</summary>
        private sealed class DeviceLink
        {
            public byte[] LinkId;
            public byte[] AuthValue;
            public byte[] ProvisionerConfirmation;
            public byte[] Random;
            public byte[] Confirmation;
            public bool Confirmed;
            public bool Failed;
        }
    }
}
