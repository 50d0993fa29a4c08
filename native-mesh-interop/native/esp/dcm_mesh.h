/*
 * The native mesh component as the interop stubs call it: one C function per InternalCall of
 * DcMonitor.MeshInterop.Native.NativeMesh (native-mesh-interop/managed/Native/NativeMesh.cs), same arguments,
 * same meaning, results numbered as the managed MeshResult (dcm_result_t). The C++ file
 * InteropAssemblies/DcMonitor.MeshInterop/DcMonitor_MeshInterop_DcMonitor_MeshInterop_Native_NativeMesh.cpp only
 * unpacks the managed arguments and calls these.
 *
 * Built on ESP-IDF v5.5.4's ESP-BLE-MESH and NimBLE (the IDF nf-interpreter's ESP32 targets pin,
 * targets/ESP32/CMakeLists.txt ESP32_IDF_TAG). API drift worth knowing, from v5.1 to v5.5: the message context
 * esp_ble_mesh_msg_ctx_t gained recv_cred/recv_tag/send_cred/send_tag and the per-message `enh` parameters, and the
 * `device_role` argument of client sends became unused (v5.2); the glue zero-initialises every context and sets
 * only net_idx, app_idx, addr and send_ttl, which every version has.
 *
 * Thread-safety: dcm_mesh_start runs once on the CLR thread before anything else. Every other function is called
 * on the CLR thread, may run concurrently with the mesh callbacks (BTC task) and the NimBLE host task, and touches
 * shared state only through the core's critical-section-guarded tables (event queue, requests, reply contexts)
 * or under the platform critical section. ESP-IDF's esp_ble_mesh_* API functions post to the BTC task and are
 * safe to call from any task; NimBLE's ble_gatts_notify_custom / ble_hs_mbuf_from_flat take the host lock.
 * No function allocates after dcm_mesh_start.
 */
#ifndef DCM_MESH_H
#define DCM_MESH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dcm_result.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Length of the state blob (DcMonitor.MeshInterop.MeshState.BlobLength). Layout, little-endian: [0] provisioned (0/1),
 * [1..2] unicast address (0 while unprovisioned), [3..4] NetKey index, [5..6] AppKey index (0xFFFF = none), [7] bound
 * models (DCM_MODEL_* bits; the Config Server and Client count once provisioned, they use the device key), [8] vendor
 * server subscribed to 0xC000 (0/1), [9] Default TTL, [10] relay on (0/1), [11..16] the 6 Bluetooth-address bytes of the
 * device UUID (its bytes 2-7, as given to dcm_mesh_start or filled from the NimBLE public identity address there). */
#define DCM_STATE_BLOB_LENGTH 17u

/* GATT bridge (seed §1.8): service 0xDC01, 0xDC02 read + notify (CCCD), 0xDC03 write and write without response. */
#define DCM_GATT_SERVICE_UUID 0xDC01u
#define DCM_GATT_DATA_UUID 0xDC02u
#define DCM_GATT_COMMAND_UUID 0xDC03u
#define DCM_GATT_DEVICE_NAME "DC-Monitor"
/* ATT MTU the bridge prefers (seed §1.8: 185). */
#define DCM_GATT_PREFERRED_MTU 185u
/* Longest DC02 value kept for reads and sent in one notification: MTU 185 - 3. */
#define DCM_GATT_MAX_VALUE 182u

/* Starts the component once per boot: brings the NimBLE host up, queues the GATT service, initialises ESP-BLE-MESH
 * with element 0 of `models` (DCM_MODEL_* flags), relay on or off, Default TTL `default_ttl`, the 16-byte
 * `device_uuid`, restores a provisioned state from flash or (a node) enables provisioning over PB-ADV and PB-GATT, and
 * starts the "DC-Monitor" advert. Blocks while the host syncs with the controller: rounds of DCM_HOST_SYNC_ROUND_MS, each
 * timed-out round logged, at most DCM_HOST_SYNC_ROUNDS rounds. INVALID_ARGUMENT for a model set without the Config
 * Server, a TTL outside 0/2-127 or a UUID that is not 16 bytes; INVALID_STATE when already started (or a start failed
 * after the host synced: the stack cannot be started twice); HOST_NOT_SYNCED when the host never synced (logged; the host
 * task keeps running and a later start waits again); FAILED when the BLE host or the mesh stack refused (logged). */
dcm_result_t dcm_mesh_start(uint32_t models, bool relay_enabled, int32_t default_ttl, const uint8_t *device_uuid, size_t uuid_length);

/* Writes the state blob (layout at DCM_STATE_BLOB_LENGTH, as MeshState decodes it) into `blob`; returns DCM_STATE_BLOB_LENGTH, 0 before start or when
 * `capacity` is too small. */
size_t dcm_mesh_read_state(uint8_t *blob, size_t capacity);

/* Vendor client send (3-byte opcode 0xC00000-0xFFFFFF, payload up to DCM_EVENT_MAX_PAYLOAD bytes, TTL 0-127 or 0xFF for
 * the default): acknowledged (waits `timeout_ms` for the paired status) only to a unicast destination. */
dcm_result_t dcm_mesh_send_vendor(int32_t destination, int32_t opcode, const uint8_t *payload, size_t length, int32_t ttl,
                                  bool acknowledged, int32_t timeout_ms);

/* Vendor server reply to the request of `request_handle`, with the request's keys, to its source. */
dcm_result_t dcm_mesh_reply_vendor(int32_t request_handle, int32_t opcode, const uint8_t *payload, size_t length);

/* Vendor server publication to its configured publish address (INVALID_STATE while none is set). */
dcm_result_t dcm_mesh_publish_vendor(int32_t opcode, const uint8_t *payload, size_t length);

/* Generic OnOff client Set (acknowledged) or Set Unacknowledged. */
dcm_result_t dcm_mesh_send_onoff(int32_t destination, bool on, bool acknowledged, int32_t ttl, int32_t timeout_ms);

/* Generic OnOff server Status answering the Get or Set of `request_handle`. */
dcm_result_t dcm_mesh_reply_onoff(int32_t request_handle, bool present_state);

/* Takes the oldest event record into `record`; returns its length, 0 when none is queued. */
size_t dcm_mesh_take_event(uint8_t *record, size_t capacity);

/* DC02 notification to the subscribed central: NOT_CONNECTED when none is subscribed, INVALID_ARGUMENT when longer
 * than the connection's MTU - 3. */
dcm_result_t dcm_mesh_gatt_notify(const uint8_t *value, size_t length);

/* The value a DC02 read returns (up to DCM_GATT_MAX_VALUE bytes). */
dcm_result_t dcm_mesh_gatt_set_read_value(const uint8_t *value, size_t length);

/* The static OOB secret the device offers when it is provisioned (Mesh Profile 1.0.1 §5.4.2.4; docs/security.md): `length`
 * 1-16 bytes of `value`, or 0 for No OOB. Sets esp_ble_mesh_prov_t.static_val / static_val_len and the Static OOB bit of
 * oob_type; allowed before and after start (the stack reads the struct at each Provisioning Invite), so it applies at the
 * next provisioning. INVALID_ARGUMENT for more than 16 bytes or a null value with a length. */
dcm_result_t dcm_mesh_set_static_oob(const uint8_t *value, size_t length);

/* Local node reset (esp_ble_mesh_node_local_reset), then PB-ADV provisioning enabled again. */
dcm_result_t dcm_mesh_reset_node(void);

/* Provisioner: keys (16 bytes each) as NetKey 0 and AppKey 0, own client models bound, UUID match prefix
 * (1-16 bytes at offset 0), static OOB value (0-16 bytes), PB-ADV enabled. ProvisionerReady reports the outcome. */
dcm_result_t dcm_mesh_enable_provisioner(const uint8_t *net_key, size_t net_key_length, const uint8_t *app_key, size_t app_key_length,
                                         const uint8_t *uuid_prefix, size_t prefix_length, const uint8_t *static_oob, size_t static_oob_length);

/* Provisioner: provisions the device of a 26-byte device record (MeshProvisioning) at `unicast_address`. */
dcm_result_t dcm_mesh_provision_device(const uint8_t *device_record, size_t record_length, int32_t unicast_address);

/* Provisioner: writes the `index`-th node (0-based, skipping empty slots) of the stack's node table as a 19-byte record
 * (UUID, unicast address little-endian, element count) into `record`; returns 19, 0 past the last node, before start or
 * when `capacity` is too small. */
size_t dcm_mesh_read_provisioned_node(int32_t index, uint8_t *record, size_t capacity);

/* Provisioner: removes the node with the 16-byte `uuid` from the stack's node table. */
dcm_result_t dcm_mesh_delete_provisioned_node(const uint8_t *uuid, size_t uuid_length);

/* Provisioner: Config Client request with on-air parameters (dcm_config_codec.h), reported with `request_handle`. */
dcm_result_t dcm_mesh_send_config_request(int32_t request_handle, int32_t destination, int32_t opcode, const uint8_t *parameters,
                                          size_t length, int32_t timeout_ms);

/* ---- GATT access control (issue 17; docs/security.md; dcm_gatt_security.c) ---------------------------------------- */

/* Who may use service 0xDC01 (MeshInterop GattSecurityMode). */
typedef enum
{
    DCM_GATT_SECURITY_OPEN = 0,    /* anyone */
    DCM_GATT_SECURITY_BONDED = 1,  /* encrypted link with a bonded central (Just Works) */
    DCM_GATT_SECURITY_PASSKEY = 2, /* as bonded, the bond authenticated by passkey entry */
} dcm_gatt_security_t;

/* Bytes of a bond record: the address type, then the 6-byte address least significant byte first (NimBLE ble_addr_t). */
#define DCM_GATT_BOND_RECORD_LENGTH 7u

/* Largest passkey (6 digits). */
#define DCM_GATT_MAX_PASSKEY 999999

/* The mode (before start; after start only the mode already set, else INVALID_STATE), the pairing window from now in ms
 * (0 closes it) and the passkey the node displays in passkey mode (0-999999). Without a call the service is open. */
dcm_result_t dcm_mesh_gatt_set_security(int32_t mode, int32_t pairing_window_ms, int32_t passkey);

/* Writes the `index`-th bonded central (ble_store_util_bonded_peers) as a bond record; returns its length, 0 past the
 * last bond, before start or when `capacity` is too small. */
size_t dcm_mesh_gatt_read_bond(int32_t index, uint8_t *record, size_t capacity);

/* Deletes the bond of a 7-byte record (`length` 0: every bond, ble_store_clear) and ends that central's connection;
 * INVALID_ARGUMENT when there is no such bond. */
dcm_result_t dcm_mesh_gatt_delete_bond(const uint8_t *record, size_t length);

/* ---- Battery monitor central (issue 18; docs/battery-monitor.md "Native central"; dcm_ble_central.c) ------------------ */

/* Scan and connect time limits, ms (DcMonitor.Shared.Battery.IBatteryMonitorLink). */
#define DCM_CENTRAL_MIN_DURATION_MS 1000
#define DCM_CENTRAL_MAX_DURATION_MS 30000
/* Bytes of the block written to 0xFFF3 (one AES block). */
#define DCM_CENTRAL_BLOCK_LENGTH 16u

/* Reports, for `duration_ms` (DCM_CENTRAL_MIN/MAX_DURATION_MS), every advertiser the mesh's own scanner hears that
 * dcm_adv_filter_match recognises, once per scan (BatteryMonitorFound), then BatteryMonitorScanCompleted.
 * INVALID_ARGUMENT out of range, INVALID_STATE before start, BUSY while a scan or a connection is under way, FAILED
 * when the stack refused (logged). */
dcm_result_t dcm_mesh_central_start_scan(int32_t duration_ms);

/* Connects to the 6-byte `address` (least significant byte first) of `address_type` (0 public, 1 random) within
 * `timeout_ms`, discovers 0xFFF0 / 0xFFF3 / 0xFFF4 and its CCCD and enables notifications: BatteryMonitorReady, or
 * BatteryMonitorFailed with the step. INVALID_ARGUMENT / INVALID_STATE / BUSY as above; a refusal by the stack is a
 * BatteryMonitorFailed event (the call returns OK). */
dcm_result_t dcm_mesh_central_connect(const uint8_t *address, size_t length, int32_t address_type, int32_t timeout_ms);

/* Writes the 16-byte `block` to 0xFFF3 with response on the ready connection (a refusal: BatteryMonitorFailed,
 * WriteFailed). INVALID_ARGUMENT unless 16 bytes, NOT_CONNECTED when no connection is ready, BUSY while the previous
 * write is unanswered. */
dcm_result_t dcm_mesh_central_write(const uint8_t *block, size_t length);

/* Ends the connection (BatteryMonitorDisconnected follows) or cancels a pending connect (no event); OK when idle. */
dcm_result_t dcm_mesh_central_disconnect(void);

/* AES-128 on one 16-byte block with mbedTLS (ECB: mbedtls_aes_setkey_enc/dec + mbedtls_aes_crypt_ecb): `input` into
 * `output` with the 16-byte `key`, encrypting or decrypting. INVALID_ARGUMENT for a key, input or output that is not
 * 16 bytes long; FAILED when mbedTLS refused. Any thread; no state. */
dcm_result_t dcm_mesh_aes_block(bool encrypt, const uint8_t *key, size_t key_length, const uint8_t *input, size_t input_length, uint8_t *output,
                                size_t output_length);

#ifdef __cplusplus
}
#endif

#endif /* DCM_MESH_H */
