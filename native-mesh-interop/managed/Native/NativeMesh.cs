using System.Runtime.CompilerServices;

namespace DcMonitor.MeshInterop.Native
{
    /// <summary>
    /// The InternalCall boundary into the native component compiled into nanoCLR (ARCHITECTURE §5). Only types
    /// the nanoFramework stub generator supports cross it: int, bool and byte[]. Every method returns at once
    /// and is safe to call from any managed thread (the native side posts work to the BLE host / mesh task).
    /// Integers returned as results are <see cref="MeshResult"/> values. The emulator replaces this file in the
    /// host build with an implementation over its emulated mesh stack (Emulator/Platform/Mesh/Shims).
    /// </summary>
    internal static class NativeMesh
    {
        /// <summary>Registers the GATT service 0xDC01, initialises the mesh with the composition and starts advertising.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int Start(int models, bool relayEnabled, int defaultTtl, byte[] deviceUuid);

        /// <summary>Writes the <see cref="MeshState"/> blob into <paramref name="blob"/>; returns its length (0 before Start).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int ReadState(byte[] blob);

        /// <summary>Vendor client send (TTL 0xFF = default TTL; acknowledged only for unicast destinations).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int SendVendor(int destination, int opcode, byte[] payload, int length, int ttl, bool acknowledged, int timeoutMilliseconds);

        /// <summary>Vendor server reply to a received request, from this node's unicast address, with the request's keys.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int ReplyVendor(int requestHandle, int opcode, byte[] payload, int length);

        /// <summary>Vendor model publication to the model's configured publish address.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int PublishVendor(int opcode, byte[] payload, int length);

        /// <summary>Generic OnOff client Set.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int SendOnOff(int destination, bool on, bool acknowledged, int ttl, int timeoutMilliseconds);

        /// <summary>Generic OnOff server Status in answer to a Set or Get.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int ReplyOnOff(int requestHandle, bool presentState);

        /// <summary>Takes the oldest event record into <paramref name="record"/>; returns its length, 0 when none is queued.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int TakeEvent(byte[] record);

        /// <summary>Notifies <paramref name="length"/> bytes on DC02 to the subscribed central.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int GattNotify(byte[] value, int length);

        /// <summary>Sets the value a DC02 read returns.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int GattSetReadValue(byte[] value, int length);

        /// <summary>Sets the static OOB secret the device offers at its next provisioning (<paramref name="length"/> 1–16 bytes of
        /// <paramref name="value"/>; 0: No OOB). Allowed before and after Start.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int SetStaticOob(byte[] value, int length);

        /// <summary>Sets who may use service 0xDC01: <paramref name="mode"/> (GattSecurityMode; before Start, or the mode already set),
        /// the pairing window from now in ms (0 closes it) and the 6-digit passkey shown for passkey pairing (0–999999).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int GattSetSecurity(int mode, int pairingWindowMilliseconds, int passkey);

        /// <summary>The <paramref name="index"/>-th bond NimBLE keeps (7 bytes: address type, address LSB first) into <paramref name="record"/>; returns its length, 0 past the end.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int GattReadBond(int index, byte[] record);

        /// <summary>Deletes the bond of the 7-byte <paramref name="record"/> (<paramref name="length"/> 0: every bond) and disconnects that central.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int GattDeleteBond(byte[] record, int length);

        /// <summary>Forgets this node's provisioning (esp_ble_mesh_node_local_reset) and advertises as unprovisioned again.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int ResetNode();

        /// <summary>Provisioner role: installs the NetKey and AppKey (index 0), binds the own client models, sets the UUID match prefix and
        /// the static OOB value (length 0 = none) and starts scanning over PB-ADV.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int EnableProvisioner(byte[] netKey, byte[] appKey, byte[] uuidPrefix, int prefixLength, byte[] staticOob, int staticOobLength);

        /// <summary>Provisioner role: provisions the device of a discovered-device record at <paramref name="unicastAddress"/>.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int ProvisionDevice(byte[] deviceRecord, int unicastAddress);

        /// <summary>Provisioner: the <paramref name="index"/>-th entry of the stack's node table into <paramref name="record"/>; returns its length, 0 past the end.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int ReadProvisionedNode(int index, byte[] record);

        /// <summary>Provisioner: removes the node with this 16-byte UUID from the stack's node table.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int DeleteProvisionedNode(byte[] uuid);

        /// <summary>Config Client request with on-air parameters; status or timeout reported with <paramref name="requestHandle"/>.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int SendConfigRequest(int requestHandle, int destination, int opcode, byte[] parameters, int length, int timeoutMilliseconds);

        /// <summary>Battery monitor central: reports BM2/BM6/BM7 / 0xFFF0 advertisers heard by the mesh's scanner for <paramref name="durationMilliseconds"/> (1,000–30,000).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int CentralStartScan(int durationMilliseconds);

        /// <summary>Battery monitor central: connects to the 6-byte <paramref name="address"/>, discovers 0xFFF3/0xFFF4 and subscribes; outcome as events.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int CentralConnect(byte[] address, int addressType, int timeoutMilliseconds);

        /// <summary>Battery monitor central: writes <paramref name="length"/> (16) bytes to 0xFFF3 with response.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int CentralWrite(byte[] block, int length);

        /// <summary>Battery monitor central: ends the connection or cancels a pending connect.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int CentralDisconnect();

        /// <summary>AES-128 on one 16-byte block with ESP-IDF's mbedTLS (ECB), encrypting or decrypting <paramref name="input"/> into <paramref name="output"/>.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int AesBlock(bool encrypt, byte[] key, byte[] input, byte[] output);
    }
}
