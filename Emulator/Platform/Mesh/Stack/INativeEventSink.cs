namespace DcMonitor.Emulator.Mesh.Stack
{
    /// <summary>
    /// Where a layer reports to the firmware: the native event ring behind the interop (NativeContract event records), as
    /// ESP-BLE-MESH's callbacks reach dcm_glue_queue_event. Must be called without the node's lock held.
    /// </summary>
    internal interface INativeEventSink
    {
        /// <summary>Queues one event record (kind and fields as in NativeContract.EncodeEvent); a record that does not fit is counted as lost.</summary>
        void QueueEvent(int kind, int source, int destination, int opcode, int handle, int value, byte[] payload, int length);

        /// <summary>
        /// Queues a header-only record the firmware must not miss (ProvisionerReady), as dcm_glue_queue_essential_event: it may
        /// use the ring's reserve, so a burst of ordinary records cannot crowd it out; counted as lost only when the reserve is full too.
        /// </summary>
        void QueueEssentialEvent(int kind, int source, int destination, int opcode, int handle, int value);
    }
}
