// Host build only: replaces native-mesh-interop/managed/Native/NativeMesh.cs (the InternalCall declarations)
// in the host build of the interop assembly; each call goes to the emulated native component of the calling
// node. Same class, namespace and signatures as the device file.
using DcMonitor.Emulator.Mesh;

namespace DcMonitor.MeshInterop.Native
{
    internal static class NativeMesh
    {
        internal static int Start(int models, bool relayEnabled, int defaultTtl, byte[] deviceUuid) => NativeMeshBridge.Start(models, relayEnabled, defaultTtl, deviceUuid);

        internal static int ReadState(byte[] blob) => NativeMeshBridge.ReadState(blob);

        internal static int SendVendor(int destination, int opcode, byte[] payload, int length, int ttl, bool acknowledged, int timeoutMilliseconds) =>
            NativeMeshBridge.SendVendor(destination, opcode, payload, length, ttl, acknowledged, timeoutMilliseconds);

        internal static int ReplyVendor(int requestHandle, int opcode, byte[] payload, int length) => NativeMeshBridge.ReplyVendor(requestHandle, opcode, payload, length);

        internal static int PublishVendor(int opcode, byte[] payload, int length) => NativeMeshBridge.PublishVendor(opcode, payload, length);

        internal static int SendOnOff(int destination, bool on, bool acknowledged, int ttl, int timeoutMilliseconds) =>
            NativeMeshBridge.SendOnOff(destination, on, acknowledged, ttl, timeoutMilliseconds);

        internal static int ReplyOnOff(int requestHandle, bool presentState) => NativeMeshBridge.ReplyOnOff(requestHandle, presentState);

        internal static int TakeEvent(byte[] record) => NativeMeshBridge.TakeEvent(record);

        internal static int GattNotify(byte[] value, int length) => NativeMeshBridge.GattNotify(value, length);

        internal static int GattSetReadValue(byte[] value, int length) => NativeMeshBridge.GattSetReadValue(value, length);

        internal static int ResetNode() => NativeMeshBridge.ResetNode();

        internal static int EnableProvisioner(byte[] netKey, byte[] appKey, byte[] uuidPrefix, int prefixLength, byte[] staticOob, int staticOobLength) =>
            NativeMeshBridge.EnableProvisioner(netKey, appKey, uuidPrefix, prefixLength, staticOob, staticOobLength);

        internal static int ProvisionDevice(byte[] deviceRecord, int unicastAddress) => NativeMeshBridge.ProvisionDevice(deviceRecord, unicastAddress);

        internal static int SendConfigRequest(int requestHandle, int destination, int opcode, byte[] parameters, int length, int timeoutMilliseconds) =>
            NativeMeshBridge.SendConfigRequest(requestHandle, destination, opcode, parameters, length, timeoutMilliseconds);
    }
}
