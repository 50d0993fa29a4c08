using System;

namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// The node's GATT server for service 0xDC01 as the native bridge runs it: one central at a time, ATT MTU 23
    /// until negotiated (node preference 185), notifications on DC02 only while subscribed and at most MTU − 3
    /// bytes, writes to DC03 of at most MTU − 3 bytes, a write whose command finds the event ring full refused as the
    /// device refuses it (see <see cref="Written"/>).
    /// <para>Access control as the native bridge sets it up (docs/security.md): in <see cref="NativeContract.GattSecurityBonded"/>
    /// and <see cref="NativeContract.GattSecurityPasskey"/> mode a DC03 write or DC02 read on a link that is not encrypted with a
    /// bond the node keeps gets the ATT error insufficient authentication (0x05; insufficient encryption 0x0F when the central is
    /// bonded but has not encrypted yet), nothing is queued, and DC02 notifications reach only such a link. Pairing (<see cref="GattCentralLink.Pair"/>)
    /// stores a bond only while the pairing window is open (measured on the board's clock); outside it the link is encrypted but
    /// not bonded, which is not enough. Bonds are kept in the node's flash (<see cref="GattBondStore"/>). Until the firmware
    /// configures it the server is open, as before this existed.</para>
    /// Thread-safe.
    /// </summary>
    public sealed class EmulatedGattServer
    {
        /// <summary>ATT MTU before negotiation.</summary>
        public const int DefaultMtu = 23;

        /// <summary>The node's preferred ATT MTU (seed protocol §1.8).</summary>
        public const int PreferredMtu = 185;

        private readonly object _gate = new object();
        private readonly EmulatedMeshStack _stack;
        private GattCentralLink _link;
        private byte[] _readValue = System.Text.Encoding.ASCII.GetBytes("NODE_READY");
        private int _nextHandle = 1;
        private readonly GattBondStore _bonds;
        private readonly Board.VirtualClock _clock;
        private int _mode = NativeContract.GattSecurityOpen;
        private long _pairingEndsMicroseconds;
        private int _passkey;

        internal EmulatedGattServer(EmulatedMeshStack stack, Board.VirtualBoard board)
        {
            _stack = stack;
            _bonds = new GattBondStore(board.FlashDirectory);
            _clock = board.Clock;
        }

        /// <summary>The access mode (<see cref="NativeContract.GattSecurityOpen"/>, …Bonded, …Passkey).</summary>
        public int Mode
        {
            get
            {
                lock (_gate)
                {
                    return _mode;
                }
            }
        }

        /// <summary>True while new bonds are accepted (the pairing window, on the board's clock).</summary>
        public bool PairingOpen
        {
            get
            {
                lock (_gate)
                {
                    return _clock.NowMicroseconds < _pairingEndsMicroseconds;
                }
            }
        }

        /// <summary>
        /// Native GattSetSecurity: the mode (only before start, or the mode already set), the pairing window from now
        /// (<paramref name="pairingWindowMilliseconds"/>, 0 closes it) and the passkey shown for passkey pairing (0–999999).
        /// </summary>
        internal int SetSecurity(int mode, int pairingWindowMilliseconds, int passkey)
        {
            if (mode < NativeContract.GattSecurityOpen || mode > NativeContract.GattSecurityPasskey || pairingWindowMilliseconds < 0 || passkey < 0 || passkey > 999999)
            {
                return NativeContract.InvalidArgument;
            }

            lock (_gate)
            {
                if (_stack.Started && mode != _mode)
                {
                    return NativeContract.InvalidState; // the characteristics' flags are fixed when the service is registered
                }

                _mode = mode;
                _pairingEndsMicroseconds = _clock.NowMicroseconds + (pairingWindowMilliseconds * 1000L);
                _passkey = passkey;
                return NativeContract.Ok;
            }
        }

        /// <summary>Native GattReadBond: the <paramref name="index"/>-th bond's record into <paramref name="record"/>; its length, 0 past the end.</summary>
        internal int ReadBond(int index, byte[] record)
        {
            lock (_gate)
            {
                if (index < 0 || index >= _bonds.Bonds.Count)
                {
                    return 0;
                }

                byte[] bond = Convert.FromHexString(_bonds.Bonds[index].Record);
                Array.Copy(bond, record, bond.Length);
                return bond.Length;
            }
        }

        /// <summary>Native GattDeleteBond: removes the bond of a 7-byte record (length 0: every bond) and disconnects that central when connected.</summary>
        internal int DeleteBond(byte[] record, int length)
        {
            if (length != 0 && length != NativeContract.GattBondRecordLength)
            {
                return NativeContract.InvalidArgument;
            }

            GattCentralLink forgotten = null;
            lock (_gate)
            {
                if (!_bonds.Remove(length == 0 ? null : record))
                {
                    return NativeContract.InvalidArgument;
                }

                if (_link != null && _mode != NativeContract.GattSecurityOpen && (length == 0 || SameRecord(_link.Record, record)))
                {
                    forgotten = _link;
                }
            }

            forgotten?.Disconnect(); // NimBLE: ble_gap_terminate of the forgotten central's connection
            return NativeContract.Ok;
        }

        /// <summary>True once the firmware started a stack that has the service (the universal node's; <see cref="EmulatedMeshStack.ServesGattBridge"/>): it exists and is advertised.</summary>
        public bool Advertising => _stack.ServesGattBridge;

        /// <summary>True while a central is connected.</summary>
        public bool Connected
        {
            get
            {
                lock (_gate)
                {
                    return _link != null;
                }
            }
        }

        /// <summary>
        /// A central connects; <paramref name="onNotify"/> receives each DC02 notification (called in the order the
        /// node sent them, on the firmware's thread: it must not block).
        /// </summary>
        /// <exception cref="InvalidOperationException">The node does not advertise the service (not started, or an image without it), or a central is already connected.</exception>
        public GattCentralLink Connect(Action<byte[]> onNotify) => Connect(onNotify, null);

        /// <summary>
        /// A central with identity address <paramref name="record"/> (7 bytes: type, address LSB first; null: an address made from the
        /// connection handle) connects; see <see cref="Connect(Action{byte[]})"/>.
        /// </summary>
        public GattCentralLink Connect(Action<byte[]> onNotify, byte[] record)
        {
            lock (_gate)
            {
                if (!_stack.ServesGattBridge)
                {
                    throw new InvalidOperationException("the node is not advertising the DC-Monitor service (not started, or a relay or provisioner image, which have none)");
                }

                if (_link != null)
                {
                    throw new InvalidOperationException("a central is already connected");
                }

                int handle = _nextHandle++;
                _link = new GattCentralLink(this, handle, onNotify, record ?? new byte[] { 0, (byte)handle, 0x00, 0x00, 0x00, 0x00, 0xC0 });
            }

            _stack.QueueGattEvent(NativeContract.GattConnected, _link.Handle, null, 0);
            return _link;
        }

        /// <summary>The node lost power: a connected central loses its link (it notices after its supervision timeout).</summary>
        public void PowerOff()
        {
            GattCentralLink link;
            lock (_gate)
            {
                link = _link;
                _link = null;
            }

            link?.Lost();
        }

        internal int Notify(byte[] value, int length)
        {
            GattCentralLink link;
            lock (_gate)
            {
                link = _link;
            }

            if (link == null || !link.Subscribed || AttErrorFor(link) != 0)
            {
                return NativeContract.NotConnected; // the native listener records a subscription only on a link that meets the mode
            }

            if (length > link.Mtu - 3)
            {
                return NativeContract.InvalidArgument;
            }

            byte[] copy = new byte[length];
            Array.Copy(value, copy, length);
            if (_stack.Air is VirtualAir air)
            {
                air.CountNotification(_stack.RadioName);
            }
            link.Deliver(copy);
            return NativeContract.Ok;
        }

        internal void SetReadValue(byte[] value, int length)
        {
            byte[] copy = new byte[length];
            Array.Copy(value, copy, length);
            lock (_gate)
            {
                _readValue = copy;
            }
        }

        internal byte[] ReadValue(GattCentralLink link, out int attError)
        {
            lock (_gate)
            {
                attError = AttErrorFor(link);
                return attError == 0 ? (byte[])_readValue.Clone() : null;
            }
        }

        /// <summary>
        /// The ATT error an access to DC02/DC03 on <paramref name="link"/> gets, 0 when allowed: NimBLE's flags (WRITE_ENC/READ_ENC,
        /// and _AUTHEN in passkey mode) give 0x0F for an unencrypted link of a central with a stored bond, 0x05 otherwise; the bridge
        /// adds 0x05 for an encrypted link without a bond (paired outside the pairing window).
        /// </summary>
        internal int AttErrorFor(GattCentralLink link)
        {
            lock (_gate)
            {
                if (_mode == NativeContract.GattSecurityOpen)
                {
                    return 0;
                }

                GattBond bond = _bonds.Find(link.Record);
                if (!link.Encrypted)
                {
                    return bond != null ? NativeContract.AttErrorInsufficientEncryption : NativeContract.AttErrorInsufficientAuthentication;
                }

                if (bond == null || !link.Bonded || (_mode == NativeContract.GattSecurityPasskey && !link.Authenticated))
                {
                    return NativeContract.AttErrorInsufficientAuthentication;
                }

                return 0;
            }
        }

        /// <summary>
        /// SMP pairing of <paramref name="link"/> (LE Secure Connections; the node's IO capability is no-input-no-output in bonded
        /// mode, so Just Works whatever the central offers, and display-only in passkey mode). Passkey mode needs
        /// the central to enter the passkey (<paramref name="enteredPasskey"/>, -1: the central cannot, Just Works); otherwise Just Works.
        /// Inside the pairing window the bond is stored, outside it the link is only encrypted. Returns 0 or the SMP failure reason
        /// (<see cref="NativeContract.SmpAuthenticationRequirements"/>, <see cref="NativeContract.SmpConfirmValueFailed"/>,
        /// <see cref="NativeContract.SmpUnspecifiedReason"/> when the bond store is full); queues GattPaired or GattPairingFailed.
        /// </summary>
        internal int Pair(GattCentralLink link, int enteredPasskey)
        {
            int reason = 0;
            int flags = 0;
            lock (_gate)
            {
                bool authenticated = false;
                if (_mode == NativeContract.GattSecurityPasskey)
                {
                    if (enteredPasskey < 0)
                    {
                        reason = NativeContract.SmpAuthenticationRequirements; // sm_mitm = 1: Just Works cannot give MITM protection
                    }
                    else if (enteredPasskey != _passkey)
                    {
                        reason = NativeContract.SmpConfirmValueFailed;
                    }

                    authenticated = reason == 0;
                }
                bool bonding = _clock.NowMicroseconds < _pairingEndsMicroseconds;
                if (reason == 0 && bonding && !_bonds.Add(link.Record, authenticated))
                {
                    reason = NativeContract.SmpUnspecifiedReason; // the store is full: `gatt forget` first
                }

                if (reason == 0)
                {
                    link.Secured(true, authenticated, bonding);
                    flags = NativeContract.GattLinkEncrypted | (authenticated ? NativeContract.GattLinkAuthenticated : 0) | (bonding ? NativeContract.GattLinkBonded : 0);
                }
            }

            if (reason == 0)
            {
                _stack.QueueGattEvent(NativeContract.GattPaired, flags, link.Record, link.Record.Length);
            }
            else
            {
                _stack.QueueGattEvent(NativeContract.GattPairingFailed, reason, link.Record, link.Record.Length);
            }

            return reason;
        }

        /// <summary>Encryption with the stored key of <paramref name="link"/>'s central (a bonded central reconnecting); false when the node keeps no bond for it.</summary>
        internal bool Encrypt(GattCentralLink link)
        {
            lock (_gate)
            {
                GattBond bond = _bonds.Find(link.Record);
                if (bond == null)
                {
                    return false;
                }

                link.Secured(true, bond.Authenticated, true);
                return true;
            }
        }

        private static bool SameRecord(byte[] a, byte[] b)
        {
            for (int i = 0; i < NativeContract.GattBondRecordLength; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The native DC03 write handler: the command queued as GattCommandWritten; when it does not fit, a header-only
        /// GattCommandRefused from the ring's reserve (the write still succeeds; the firmware answers ERROR:BUSY); when
        /// even that does not fit, the ATT error insufficient resources. Returns 0 or the ATT error.
        /// </summary>
        internal int Written(GattCentralLink link, byte[] value)
        {
            int securityError = AttErrorFor(link);
            if (securityError != 0)
            {
                return securityError; // NimBLE answers before the access callback: nothing is queued, nothing runs
            }

            if (value.Length > NativeContract.MaximumPayloadLength)
            {
                return NativeContract.AttErrorInvalidAttributeValueLength; // longer than any command: refused, never cut
            }

            if (_stack.OfferGattEvent(NativeContract.GattCommandWritten, link.Handle, value, value.Length, false))
            {
                return 0;
            }

            if (_stack.OfferGattEvent(NativeContract.GattCommandRefused, link.Handle, null, 0, true))
            {
                return 0;
            }

            return NativeContract.AttErrorInsufficientResources;
        }

        internal void Subscribed(GattCentralLink link, bool on)
        {
            _stack.QueueGattEvent(NativeContract.GattSubscribed, on ? 1 : 0, null, 0);
        }

        internal void MtuChanged(GattCentralLink link)
        {
            _stack.QueueGattEvent(NativeContract.GattMtuChanged, link.Mtu, null, 0);
        }

        internal void Disconnected(GattCentralLink link)
        {
            lock (_gate)
            {
                if (_link != link)
                {
                    return;
                }

                _link = null;
            }

            _stack.QueueGattEvent(NativeContract.GattDisconnected, link.Handle, null, 0);
        }
    }
}
