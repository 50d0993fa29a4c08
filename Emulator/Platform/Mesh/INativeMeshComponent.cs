namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// The native mesh component's entry points as the interop calls them (native-mesh-interop/managed/Native/NativeMesh.cs; results
    /// are <see cref="NativeContract"/> codes). <see cref="EmulatedMeshStack"/> is the emulator's; a test may put a component of its
    /// own behind a board (<see cref="NativeMeshBridge.Replace"/>) to drive the firmware's mesh classes on one thread, without the
    /// emulated stack's threads and timers.
    /// </summary>
    public interface INativeMeshComponent
    {
        /// <summary>See NativeMesh.Start.</summary>
        int Start(int models, bool relayEnabled, int defaultTtl, byte[] deviceUuid);

        /// <summary>See NativeMesh.ReadState.</summary>
        int ReadState(byte[] blob);

        /// <summary>See NativeMesh.SendVendor.</summary>
        int SendVendor(int destination, int opcode, byte[] payload, int length, int ttl, bool acknowledged, int timeoutMilliseconds);

        /// <summary>See NativeMesh.ReplyVendor.</summary>
        int ReplyVendor(int requestHandle, int opcode, byte[] payload, int length);

        /// <summary>See NativeMesh.PublishVendor.</summary>
        int PublishVendor(int opcode, byte[] payload, int length);

        /// <summary>See NativeMesh.SendOnOff.</summary>
        int SendOnOff(int destination, bool on, bool acknowledged, int ttl, int timeoutMilliseconds);

        /// <summary>See NativeMesh.ReplyOnOff.</summary>
        int ReplyOnOff(int requestHandle, bool presentState);

        /// <summary>See NativeMesh.TakeEvent.</summary>
        int TakeEvent(byte[] record);

        /// <summary>See NativeMesh.GattNotify.</summary>
        int GattNotify(byte[] value, int length);

        /// <summary>See NativeMesh.GattSetReadValue.</summary>
        int GattSetReadValue(byte[] value, int length);

        /// <summary>See NativeMesh.GattSetSecurity.</summary>
        int GattSetSecurity(int mode, int pairingWindowMilliseconds, int passkey);

        /// <summary>See NativeMesh.GattReadBond.</summary>
        int GattReadBond(int index, byte[] record);

        /// <summary>See NativeMesh.GattDeleteBond.</summary>
        int GattDeleteBond(byte[] record, int length);

        /// <summary>See NativeMesh.ResetNode.</summary>
        int ResetNode();

        /// <summary>See NativeMesh.SetStaticOob.</summary>
        int SetStaticOob(byte[] value, int length);

        /// <summary>See NativeMesh.EnableProvisioner.</summary>
        int EnableProvisioner(byte[] netKey, byte[] appKey, byte[] uuidPrefix, int prefixLength, byte[] staticOob, int staticOobLength);

        /// <summary>See NativeMesh.ProvisionDevice.</summary>
        int ProvisionDevice(byte[] deviceRecord, int unicastAddress);

        /// <summary>See NativeMesh.ReadProvisionedNode.</summary>
        int ReadProvisionedNode(int index, byte[] record);

        /// <summary>See NativeMesh.DeleteProvisionedNode.</summary>
        int DeleteProvisionedNode(byte[] uuid);

        /// <summary>See NativeMesh.SendConfigRequest.</summary>
        int SendConfigRequest(int requestHandle, int destination, int opcode, byte[] parameters, int length, int timeoutMilliseconds);

        /// <summary>See NativeMesh.CentralStartScan (a component without a radio of its own: InvalidState).</summary>
        int CentralStartScan(int durationMilliseconds) => NativeContract.InvalidState;

        /// <summary>See NativeMesh.CentralConnect (a component without a radio of its own: InvalidState).</summary>
        int CentralConnect(byte[] address, int addressType, int timeoutMilliseconds) => NativeContract.InvalidState;

        /// <summary>See NativeMesh.CentralWrite (a component without a radio of its own: NotConnected).</summary>
        int CentralWrite(byte[] block, int length) => NativeContract.NotConnected;

        /// <summary>See NativeMesh.CentralDisconnect.</summary>
        int CentralDisconnect() => NativeContract.Ok;
    }
}
