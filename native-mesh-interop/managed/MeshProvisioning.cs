using System;

namespace DcMonitor.MeshInterop
{
    /// <summary>
    /// The provisioner's view of an unprovisioned device: the record carried by <see cref="MeshEventKind.DeviceDiscovered"/>
    /// and handed back to <see cref="MeshNode.ProvisionDevice"/>, so the native side keeps no table of seen devices.
    /// <para>Layout (<see cref="DeviceRecordLength"/> bytes, little-endian): <c>[0..15]</c> device UUID, <c>[16..21]</c> Bluetooth
    /// address as ESP-IDF's <c>esp_ble_mesh_bd_addr_t</c> holds it, <c>[22]</c> address type (0 public, 1 random), <c>[23..24]</c> OOB
    /// information of the beacon, <c>[25]</c> bearer (1 = PB-ADV, 2 = PB-GATT; ESP_BLE_MESH_PROV_ADV / _GATT).</para>
    /// </summary>
    public static class MeshProvisioning
    {
        /// <summary>Bytes of a device record.</summary>
        public const int DeviceRecordLength = 26;

        /// <summary>Bytes of a node-table record (<see cref="MeshNode.ReadProvisionedNode"/>): <c>[0..15]</c> UUID, <c>[16..17]</c> primary
        /// unicast address, <c>[18]</c> element count.</summary>
        public const int NodeRecordLength = 19;

        /// <summary>Bytes of a device UUID.</summary>
        public const int UuidLength = 16;

        /// <summary>Bytes of a NetKey or AppKey (Mesh Profile §3.8.6).</summary>
        public const int KeyLength = 16;

        /// <summary>Longest UUID match prefix the stack accepts (ESP-IDF esp_ble_mesh_provisioner_set_dev_uuid_match: offset + length ≤ 16).</summary>
        public const int MaximumUuidPrefixLength = 16;

        /// <summary>Longest static OOB value, bytes (Mesh Profile 1.0 §5.4.2.4: 16 octets).</summary>
        public const int MaximumStaticOobLength = 16;

        /// <summary>Copies the UUID out of a device record or a node-table record (both start with it).</summary>
        /// <exception cref="ArgumentException">The record is null or shorter than a UUID.</exception>
        public static byte[] UuidOf(byte[] deviceRecord)
        {
            if (deviceRecord == null || deviceRecord.Length < UuidLength)
            {
                throw new ArgumentException("a record starts with a " + UuidLength.ToString() + "-byte UUID");
            }

            byte[] uuid = new byte[UuidLength];
            Array.Copy(deviceRecord, 0, uuid, 0, UuidLength);
            return uuid;
        }
    }
}
