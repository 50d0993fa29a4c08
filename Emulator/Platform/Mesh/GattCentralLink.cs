using System;

namespace DcMonitor.Emulator.Mesh
{
    /// <summary>One central's connection to a node's GATT server (what the Pi holds).</summary>
    public sealed class GattCentralLink
    {
        private readonly EmulatedGattServer _server;
        private readonly Action<byte[]> _onNotify;
        private readonly object _deliveryGate = new object();

        internal GattCentralLink(EmulatedGattServer server, int handle, Action<byte[]> onNotify, byte[] record)
        {
            _server = server;
            Handle = handle;
            _onNotify = onNotify;
            Record = (byte[])record.Clone();
        }

        /// <summary>The central's identity address as a 7-byte bond record (type, address LSB first).</summary>
        public byte[] Record { get; }

        /// <summary>True once the link is encrypted (<see cref="Pair"/> or <see cref="Encrypt"/>).</summary>
        public bool Encrypted { get; private set; }

        /// <summary>True when the link's key came from passkey pairing (MITM-protected).</summary>
        public bool Authenticated { get; private set; }

        /// <summary>True when the link's key is a bond the node keeps.</summary>
        public bool Bonded { get; private set; }

        /// <summary>
        /// Pairs (SMP, LE Secure Connections): Just Works when <paramref name="passkey"/> is -1, else passkey entry with the digits the
        /// node printed. Returns 0 or the SMP Pairing Failed reason (NativeContract.Smp*); success outside the node's pairing window
        /// encrypts the link without a bond, which the node's service does not accept.
        /// </summary>
        /// <exception cref="InvalidOperationException">The link is closed.</exception>
        public int Pair(int passkey = -1)
        {
            if (!IsOpen)
            {
                throw new InvalidOperationException("not connected");
            }

            return _server.Pair(this, passkey);
        }

        /// <summary>Encrypts with the key of an earlier bond (what BlueZ does for a paired device); false when the node keeps no bond for this central.</summary>
        /// <exception cref="InvalidOperationException">The link is closed.</exception>
        public bool Encrypt()
        {
            if (!IsOpen)
            {
                throw new InvalidOperationException("not connected");
            }

            return _server.Encrypt(this);
        }

        internal void Secured(bool encrypted, bool authenticated, bool bonded)
        {
            Encrypted = encrypted;
            Authenticated = authenticated;
            Bonded = bonded;
        }

        /// <summary>Connection handle.</summary>
        public int Handle { get; }

        /// <summary>Current ATT MTU.</summary>
        public int Mtu { get; private set; } = EmulatedGattServer.DefaultMtu;

        /// <summary>True while notifications on DC02 are enabled.</summary>
        public bool Subscribed { get; private set; }

        /// <summary>True until disconnected.</summary>
        public bool IsOpen { get; private set; } = true;

        /// <summary>Exchanges MTU: the result is min(requested, 185); returns it.</summary>
        public int NegotiateMtu(int requested)
        {
            Mtu = Math.Max(EmulatedGattServer.DefaultMtu, Math.Min(requested, EmulatedGattServer.PreferredMtu));
            _server.MtuChanged(this);
            return Mtu;
        }

        /// <summary>Writes the CCCD of DC02.</summary>
        public void Subscribe(bool on = true)
        {
            Subscribed = on;
            _server.Subscribed(this, on);
        }

        /// <summary>
        /// The ATT error of the last <see cref="Write"/> (0 when it succeeded): <see cref="NativeContract.AttErrorInvalidAttributeValueLength"/>
        /// for a value longer than MTU − 3, <see cref="NativeContract.AttErrorInsufficientResources"/> when the node's event ring had
        /// no room even for the command's refusal, <see cref="NativeContract.AttErrorInsufficientAuthentication"/> or
        /// <see cref="NativeContract.AttErrorInsufficientEncryption"/> when the node's mode needs a bonded, encrypted link.
        /// </summary>
        public int LastAttError { get; private set; }

        /// <summary>
        /// Writes DC03 with response; false (the write request failed with the ATT error in <see cref="LastAttError"/>) when
        /// longer than MTU − 3, or when the node could neither queue the command nor its refusal (insufficient resources).
        /// True means the node acknowledged the write, and then answers it (data or an ERROR: reply such as ERROR:BUSY).
        /// </summary>
        /// <exception cref="InvalidOperationException">The link is closed (disconnected or lost).</exception>
        public bool Write(byte[] value)
        {
            if (!IsOpen)
            {
                throw new InvalidOperationException("not connected");
            }

            if (value.Length > Mtu - 3)
            {
                LastAttError = NativeContract.AttErrorInvalidAttributeValueLength;
                return false;
            }

            LastAttError = _server.Written(this, (byte[])value.Clone());
            return LastAttError == 0;
        }

        /// <summary>Reads DC02; null when the node refused the read (the ATT error in <see cref="LastAttError"/>).</summary>
        public byte[] Read()
        {
            byte[] value = _server.ReadValue(this, out int attError);
            LastAttError = attError;
            return value;
        }

        /// <summary>Disconnects.</summary>
        public void Disconnect()
        {
            if (IsOpen)
            {
                IsOpen = false;
                Subscribed = false;
                _server.Disconnected(this);
            }
        }

        /// <summary>True when the link ended because the node went away (power cut, out of range), not by a disconnect.</summary>
        public bool LinkLost { get; private set; }

        internal void Lost()
        {
            IsOpen = false;
            Subscribed = false;
            LinkLost = true;
        }

        internal void Deliver(byte[] value)
        {
            lock (_deliveryGate)
            {
                _onNotify(value);
            }
        }
    }
}
