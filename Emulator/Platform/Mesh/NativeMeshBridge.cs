using System.Runtime.CompilerServices;
using DcMonitor.Emulator.Board;

namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// The native entry points of the mesh interop, for the calling node: what the C component exports to
    /// nanoCLR, here forwarding to the <see cref="EmulatedMeshStack"/> of <see cref="VirtualBoard.Current"/> (or the component a test
    /// put in its place, <see cref="Replace"/>). Only the
    /// host-build shim of <c>DcMonitor.MeshInterop.Native.NativeMesh</c> calls it (the firmware checks allow that one use).
    /// </summary>
    public static class NativeMeshBridge
    {
        private static readonly ConditionalWeakTable<VirtualBoard, INativeMeshComponent> s_replacements = new ConditionalWeakTable<VirtualBoard, INativeMeshComponent>();

        /// <summary>
        /// Puts <paramref name="component"/> behind <paramref name="board"/>'s interop instead of its emulated stack (before the firmware
        /// starts the mesh): a test drives the firmware's mesh classes against it on one thread.
        /// </summary>
        public static void Replace(VirtualBoard board, INativeMeshComponent component) => s_replacements.AddOrUpdate(board, component);

        /// <summary>See NativeMesh.Start.</summary>
        public static int Start(int models, bool relayEnabled, int defaultTtl, byte[] deviceUuid) => Stack.Start(models, relayEnabled, defaultTtl, deviceUuid);

        /// <summary>See NativeMesh.ReadState.</summary>
        public static int ReadState(byte[] blob) => Stack.ReadState(blob);

        /// <summary>See NativeMesh.SendVendor.</summary>
        public static int SendVendor(int destination, int opcode, byte[] payload, int length, int ttl, bool acknowledged, int timeoutMilliseconds) =>
            Stack.SendVendor(destination, opcode, payload, length, ttl, acknowledged, timeoutMilliseconds);

        /// <summary>See NativeMesh.ReplyVendor.</summary>
        public static int ReplyVendor(int requestHandle, int opcode, byte[] payload, int length) => Stack.ReplyVendor(requestHandle, opcode, payload, length);

        /// <summary>See NativeMesh.PublishVendor.</summary>
        public static int PublishVendor(int opcode, byte[] payload, int length) => Stack.PublishVendor(opcode, payload, length);

        /// <summary>See NativeMesh.SendOnOff.</summary>
        public static int SendOnOff(int destination, bool on, bool acknowledged, int ttl, int timeoutMilliseconds) =>
            Stack.SendOnOff(destination, on, acknowledged, ttl, timeoutMilliseconds);

        /// <summary>See NativeMesh.ReplyOnOff.</summary>
        public static int ReplyOnOff(int requestHandle, bool presentState) => Stack.ReplyOnOff(requestHandle, presentState);

        /// <summary>See NativeMesh.TakeEvent.</summary>
        public static int TakeEvent(byte[] record) => Stack.TakeEvent(record);

        /// <summary>See NativeMesh.GattNotify.</summary>
        public static int GattNotify(byte[] value, int length) => Stack.GattNotify(value, length);

        /// <summary>See NativeMesh.GattSetSecurity.</summary>
        public static int GattSetSecurity(int mode, int pairingWindowMilliseconds, int passkey) => Stack.GattSetSecurity(mode, pairingWindowMilliseconds, passkey);

        /// <summary>See NativeMesh.GattReadBond.</summary>
        public static int GattReadBond(int index, byte[] record) => Stack.GattReadBond(index, record);

        /// <summary>See NativeMesh.GattDeleteBond.</summary>
        public static int GattDeleteBond(byte[] record, int length) => Stack.GattDeleteBond(record, length);

        /// <summary>See NativeMesh.GattSetReadValue.</summary>
        public static int GattSetReadValue(byte[] value, int length) => Stack.GattSetReadValue(value, length);

        /// <summary>See NativeMesh.ResetNode.</summary>
        public static int ResetNode() => Stack.ResetNode();

        /// <summary>See NativeMesh.SetStaticOob.</summary>
        public static int SetStaticOob(byte[] value, int length) => Stack.SetStaticOob(value, length);

        /// <summary>See NativeMesh.EnableProvisioner.</summary>
        public static int EnableProvisioner(byte[] netKey, byte[] appKey, byte[] uuidPrefix, int prefixLength, byte[] staticOob, int staticOobLength) =>
            Stack.EnableProvisioner(netKey, appKey, uuidPrefix, prefixLength, staticOob, staticOobLength);

        /// <summary>See NativeMesh.ProvisionDevice.</summary>
        public static int ProvisionDevice(byte[] deviceRecord, int unicastAddress) => Stack.ProvisionDevice(deviceRecord, unicastAddress);

        /// <summary>See NativeMesh.ReadProvisionedNode.</summary>
        public static int ReadProvisionedNode(int index, byte[] record) => Stack.ReadProvisionedNode(index, record);

        /// <summary>See NativeMesh.DeleteProvisionedNode.</summary>
        public static int DeleteProvisionedNode(byte[] uuid) => Stack.DeleteProvisionedNode(uuid);

        /// <summary>See NativeMesh.SendConfigRequest.</summary>
        public static int SendConfigRequest(int requestHandle, int destination, int opcode, byte[] parameters, int length, int timeoutMilliseconds) =>
            Stack.SendConfigRequest(requestHandle, destination, opcode, parameters, length, timeoutMilliseconds);

        /// <summary>See NativeMesh.CentralStartScan.</summary>
        public static int CentralStartScan(int durationMilliseconds) => Stack.CentralStartScan(durationMilliseconds);

        /// <summary>See NativeMesh.CentralConnect.</summary>
        public static int CentralConnect(byte[] address, int addressType, int timeoutMilliseconds) => Stack.CentralConnect(address, addressType, timeoutMilliseconds);

        /// <summary>See NativeMesh.CentralWrite.</summary>
        public static int CentralWrite(byte[] block, int length) => Stack.CentralWrite(block, length);

        /// <summary>See NativeMesh.CentralDisconnect.</summary>
        public static int CentralDisconnect() => Stack.CentralDisconnect();

        /// <summary>See NativeMesh.AesBlock: .NET's AES (<see cref="EmulatedBlockCipher"/>), the same for every node.</summary>
        public static int AesBlock(bool encrypt, byte[] key, byte[] input, byte[] output) => EmulatedBlockCipher.Block(encrypt, key, input, output);

        private static INativeMeshComponent Stack
        {
            get
            {
                VirtualBoard board = VirtualBoard.Current;
                return s_replacements.TryGetValue(board, out INativeMeshComponent replacement) ? replacement : EmulatedMeshStack.For(board);
            }
        }
    }
}
