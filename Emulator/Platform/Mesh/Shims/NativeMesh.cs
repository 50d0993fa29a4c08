// Host build only: replaces native-mesh-interop/managed/Native/NativeMesh.cs (the InternalCall declarations)
// in the host build of the interop assembly; each call goes to the emulated native component of the calling
// node. Same class, namespace and signatures as the device file.
using DcMonitor.Emulator.Mesh;

namespace DcMonitor.MeshInterop.Native
{
    internal static class NativeMesh
    {
        // nanoCLR's interop marshalling throws NullReferenceException for a null array argument
        // (nf-interpreter CLR_RT_Interop.cpp Interop_Marshal_NUMERIC_ARRAY, FAULT_ON_NULL); the shim does the same.
        private static byte[] Marshal(byte[] array) => array ?? throw new System.NullReferenceException("null array passed to an InternalCall");

        internal static int Start(int models, bool relayEnabled, int defaultTtl, byte[] deviceUuid) => NativeMeshBridge.Start(models, relayEnabled, defaultTtl, Marshal(deviceUuid));

        internal static int ReadState(byte[] blob) => NativeMeshBridge.ReadState(Marshal(blob));

        internal static int SendVendor(int destination, int opcode, byte[] payload, int length, int ttl, bool acknowledged, int timeoutMilliseconds) =>
            NativeMeshBridge.SendVendor(destination, opcode, Marshal(payload), length, ttl, acknowledged, timeoutMilliseconds);

        internal static int ReplyVendor(int requestHandle, int opcode, byte[] payload, int length) => NativeMeshBridge.ReplyVendor(requestHandle, opcode, Marshal(payload), length);

        internal static int PublishVendor(int opcode, byte[] payload, int length) => NativeMeshBridge.PublishVendor(opcode, Marshal(payload), length);

        internal static int SendOnOff(int destination, bool on, bool acknowledged, int ttl, int timeoutMilliseconds) =>
            NativeMeshBridge.SendOnOff(destination, on, acknowledged, ttl, timeoutMilliseconds);

        internal static int ReplyOnOff(int requestHandle, bool presentState) => NativeMeshBridge.ReplyOnOff(requestHandle, presentState);

        internal static int TakeEvent(byte[] record) => NativeMeshBridge.TakeEvent(Marshal(record));

        internal static int GattNotify(byte[] value, int length) => NativeMeshBridge.GattNotify(Marshal(value), length);

        internal static int GattSetReadValue(byte[] value, int length) => NativeMeshBridge.GattSetReadValue(Marshal(value), length);

        internal static int GattSetSecurity(int mode, int pairingWindowMilliseconds, int passkey) => NativeMeshBridge.GattSetSecurity(mode, pairingWindowMilliseconds, passkey);

        internal static int GattReadBond(int index, byte[] record) => NativeMeshBridge.GattReadBond(index, Marshal(record));

        internal static int GattDeleteBond(byte[] record, int length) => NativeMeshBridge.GattDeleteBond(Marshal(record), length);

        internal static int SetStaticOob(byte[] value, int length) => NativeMeshBridge.SetStaticOob(Marshal(value), length);

        internal static int ResetNode() => NativeMeshBridge.ResetNode();

        internal static int EnableProvisioner(byte[] netKey, byte[] appKey, byte[] uuidPrefix, int prefixLength, byte[] staticOob, int staticOobLength) =>
            NativeMeshBridge.EnableProvisioner(Marshal(netKey), Marshal(appKey), Marshal(uuidPrefix), prefixLength, Marshal(staticOob), staticOobLength);

        internal static int ProvisionDevice(byte[] deviceRecord, int unicastAddress) => NativeMeshBridge.ProvisionDevice(Marshal(deviceRecord), unicastAddress);

        internal static int ReadProvisionedNode(int index, byte[] record) => NativeMeshBridge.ReadProvisionedNode(index, Marshal(record));

        internal static int DeleteProvisionedNode(byte[] uuid) => NativeMeshBridge.DeleteProvisionedNode(Marshal(uuid));

        internal static int SendConfigRequest(int requestHandle, int destination, int opcode, byte[] parameters, int length, int timeoutMilliseconds) =>
            NativeMeshBridge.SendConfigRequest(requestHandle, destination, opcode, Marshal(parameters), length, timeoutMilliseconds);

        internal static int CentralStartScan(int durationMilliseconds) => NativeMeshBridge.CentralStartScan(durationMilliseconds);

        internal static int CentralConnect(byte[] address, int addressType, int timeoutMilliseconds) => NativeMeshBridge.CentralConnect(Marshal(address), addressType, timeoutMilliseconds);

        internal static int CentralWrite(byte[] block, int length) => NativeMeshBridge.CentralWrite(Marshal(block), length);

        internal static int CentralDisconnect() => NativeMeshBridge.CentralDisconnect();

        internal static int AesBlock(bool encrypt, byte[] key, byte[] input, byte[] output) =>
            NativeMeshBridge.AesBlock(encrypt, Marshal(key), Marshal(input), Marshal(output));
    }
}
