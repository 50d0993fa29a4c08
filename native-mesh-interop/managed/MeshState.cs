namespace DcMonitor.MeshInterop
{
    /// <summary>
    /// The node's provisioning state as the mesh stack reports it — never an application copy (seed protocol §9
    /// B15: the seed took its own address from an app blob and inferred bindings from an index).
    /// <para>Native state blob (little-endian, <see cref="BlobLength"/> bytes): <c>[0]</c> provisioned (0/1),
    /// <c>[1..2]</c> unicast, <c>[3..4]</c> NetKey index, <c>[5..6]</c> AppKey index (0xFFFF = none), <c>[7]</c> bound
    /// models (<see cref="MeshModels"/> bits; the Config Server and Client count as bound once provisioned, as they use the device key), <c>[8]</c> vendor server subscribed to 0xC000 (0/1), <c>[9]</c> default TTL,
    /// <c>[10]</c> relay on (0/1), <c>[11..16]</c> the 6 Bluetooth-address bytes of the device UUID (its bytes 2-7, filled by the
    /// native component at start).</para>
    /// </summary>
    public sealed class MeshState
    {
        /// <summary>Length of the native state blob.</summary>
        public const int BlobLength = 17;

        /// <summary>True once provisioned (also after a reboot: the stack restores it from flash).</summary>
        public bool IsProvisioned { get; private set; }

        /// <summary>Own unicast address (element 0); 0 while unprovisioned.</summary>
        public int UnicastAddress { get; private set; }

        /// <summary>NetKey index (0 = primary).</summary>
        public int NetKeyIndex { get; private set; }

        /// <summary>AppKey index known to the stack, or 0xFFFF when no AppKey was added.</summary>
        public int AppKeyIndex { get; private set; }

        /// <summary>Models with the AppKey bound.</summary>
        public MeshModels BoundModels { get; private set; }

        /// <summary>True when the vendor server is subscribed to the ALL group 0xC000.</summary>
        public bool VendorServerSubscribedToAll { get; private set; }

        /// <summary>Default TTL (Config Server).</summary>
        public int DefaultTtl { get; private set; }

        /// <summary>Relay feature state.</summary>
        public bool RelayEnabled { get; private set; }

        /// <summary>The device UUID's Bluetooth-address bytes (6 bytes; the UUID is DD DD, these, then 8 zero bytes).</summary>
        public byte[] BluetoothAddress { get; } = new byte[6];

        /// <summary>True when <paramref name="model"/> can send and receive (AppKey bound).</summary>
        public bool IsBound(MeshModels model)
        {
            return (BoundModels & model) == model;
        }

        /// <summary>Fills the state from a native blob; false when it is too short.</summary>
        public bool Decode(byte[] blob, int length)
        {
            if (length < BlobLength)
            {
                return false;
            }

            IsProvisioned = blob[0] != 0;
            UnicastAddress = blob[1] | (blob[2] << 8);
            NetKeyIndex = blob[3] | (blob[4] << 8);
            AppKeyIndex = blob[5] | (blob[6] << 8);
            BoundModels = (MeshModels)blob[7];
            VendorServerSubscribedToAll = blob[8] != 0;
            DefaultTtl = blob[9];
            RelayEnabled = blob[10] != 0;
            for (int i = 0; i < 6; i++)
            {
                BluetoothAddress[i] = blob[11 + i];
            }

            return true;
        }
    }
}
