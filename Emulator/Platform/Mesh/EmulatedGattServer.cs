using System;

namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// The node's GATT server for service 0xDC01 as the native bridge runs it: one central at a time, ATT MTU 23
    /// until negotiated (node preference 185), notifications on DC02 only while subscribed and at most MTU − 3
    /// bytes, writes to DC03 of at most MTU − 3 bytes, a write whose command finds the event ring full refused as the
    /// device refuses it (see <see cref="Written"/>). Thread-safe.
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

        internal EmulatedGattServer(EmulatedMeshStack stack)
        {
            _stack = stack;
        }

        /// <summary>True once the firmware started the stack (the service exists and is advertised).</summary>
        public bool Advertising => _stack.Started;

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
        /// <exception cref="InvalidOperationException">The node does not advertise the service, or a central is already connected.</exception>
        public GattCentralLink Connect(Action<byte[]> onNotify)
        {
            lock (_gate)
            {
                if (!_stack.Started)
                {
                    throw new InvalidOperationException("the node is not advertising");
                }

                if (_link != null)
                {
                    throw new InvalidOperationException("a central is already connected");
                }

                _link = new GattCentralLink(this, _nextHandle++, onNotify);
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

            if (link == null || !link.Subscribed)
            {
                return NativeContract.NotConnected;
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

        internal byte[] ReadValue()
        {
            lock (_gate)
            {
                return (byte[])_readValue.Clone();
            }
        }

        /// <summary>
        /// The native DC03 write handler: the command queued as GattCommandWritten; when it does not fit, a header-only
        /// GattCommandRefused from the ring's reserve (the write still succeeds; the firmware answers ERROR:BUSY); when
        /// even that does not fit, the ATT error insufficient resources. Returns 0 or the ATT error.
        /// </summary>
        internal int Written(GattCentralLink link, byte[] value)
        {
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
