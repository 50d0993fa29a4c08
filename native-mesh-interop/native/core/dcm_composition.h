/*
 * Element 0 of the three DC-Monitor images and the access-layer opcode format.
 *
 * The managed caller passes a set of DCM_MODEL_* flags (the same values as the managed MeshModels enum);
 * dcm_composition_plan turns it into the ordered model list the ESP-IDF glue builds its
 * esp_ble_mesh_model_t arrays from (SIG models in one array, vendor models in another, as
 * esp_ble_mesh_elem_t holds them). The three images (issue "native-mesh-interop" §1; seed §1.1, §6, §7):
 *   universal:   Config Server, DF Server, Generic OnOff Client, Generic OnOff Server, vendor server, vendor client
 *   relay:       Config Server, DF Server
 *   provisioner: Config Server, Config Client, DF Client, Generic OnOff Client
 * (DF: Directed Forwarding Configuration, Mesh Protocol 1.1; docs/directed-forwarding.md)
 *
 * Thread-safety: pure functions over caller memory; callable from any task.
 */
#ifndef DCM_COMPOSITION_H
#define DCM_COMPOSITION_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Model flags: the managed MeshModels values (a host test compares them). */
#define DCM_MODEL_CONFIG_SERVER 0x01u
#define DCM_MODEL_CONFIG_CLIENT 0x02u
#define DCM_MODEL_GENERIC_ONOFF_CLIENT 0x04u
#define DCM_MODEL_GENERIC_ONOFF_SERVER 0x08u
#define DCM_MODEL_VENDOR_SERVER 0x10u
#define DCM_MODEL_VENDOR_CLIENT 0x20u
#define DCM_MODEL_DF_SERVER 0x40u /* Directed Forwarding Configuration Server: needs CONFIG_BLE_MESH_DF_SRV */
#define DCM_MODEL_DF_CLIENT 0x80u /* Directed Forwarding Configuration Client: needs CONFIG_BLE_MESH_DF_CLI */
#define DCM_MODEL_ALL 0xFFu

/* Model identities (Mesh Model specification; seed §1.1 for the vendor ones). */
#define DCM_COMPANY_ID_NONE 0xFFFFu /* a SIG model: ESP-IDF marks it with CID_NVAL 0xFFFF */
#define DCM_COMPANY_ID_ESPRESSIF 0x02E5u
#define DCM_SIG_CONFIG_SERVER 0x0000u
#define DCM_SIG_CONFIG_CLIENT 0x0001u
#define DCM_SIG_GENERIC_ONOFF_SERVER 0x1000u
#define DCM_SIG_GENERIC_ONOFF_CLIENT 0x1001u
#define DCM_SIG_DF_SERVER 0x0006u /* Mesh Protocol 1.1 foundation model; ESP-IDF v5.5.4 ESP_BLE_MESH_MODEL_ID_DF_SRV (esp_ble_mesh_defs.h) */
#define DCM_SIG_DF_CLIENT 0x0007u /* ESP_BLE_MESH_MODEL_ID_DF_CLI */
#define DCM_VENDOR_CLIENT_MODEL 0x0000u
#define DCM_VENDOR_SERVER_MODEL 0x0001u

/* Vendor opcodes (seed §1.2 for the text ones; ARCHITECTURE §7 for the binary ones; DcMonitor.MeshInterop.MeshProtocol). */
#define DCM_OPCODE_VENDOR_SEND_TEXT 0xC002E5u
#define DCM_OPCODE_VENDOR_STATUS_TEXT 0xC102E5u
#define DCM_OPCODE_VENDOR_SEND_BINARY 0xC202E5u
#define DCM_OPCODE_VENDOR_STATUS_BINARY 0xC302E5u

/* MQTT uplink vendor opcodes (DcMonitor.MeshInterop.MeshProtocol), each with its parameter length in bytes (the minimum
 * the vendor model operation tables accept). The four reports are published by a node's vendor server to a group and
 * received by vendor clients (one unsegmented access message each); the uplink command is sent unacknowledged by a
 * vendor client to a node's unicast address and received by its vendor server, which sends no reply to it. */
#define DCM_OPCODE_VENDOR_READING_REPORT 0xC402E5u  /* reading report */
#define DCM_VENDOR_READING_REPORT_LENGTH 8u
#define DCM_OPCODE_VENDOR_ENERGY_REPORT 0xC502E5u   /* energy report */
#define DCM_VENDOR_ENERGY_REPORT_LENGTH 6u
#define DCM_OPCODE_VENDOR_NODE_IDENTITY 0xC602E5u   /* node identity: the 6 Bluetooth-address bytes of the device UUID */
#define DCM_VENDOR_NODE_IDENTITY_LENGTH 6u
#define DCM_OPCODE_VENDOR_BRIDGE_HEARTBEAT 0xC702E5u /* bridge heartbeat of an uplink-capable node */
#define DCM_VENDOR_BRIDGE_HEARTBEAT_LENGTH 2u
#define DCM_OPCODE_VENDOR_UPLINK_COMMAND 0xC802E5u  /* uplink command: token + 2-byte binary command, no reply */
#define DCM_VENDOR_UPLINK_COMMAND_LENGTH 3u

/* Most models element 0 can hold (every flag set). */
#define DCM_COMPOSITION_MAX_MODELS 8u

typedef struct
{
    uint16_t company_id; /* DCM_COMPANY_ID_NONE for SIG models */
    uint16_t model_id;
} dcm_model_id_t;

/* Writes the models of `models` into `out` in the order Config Server, Config Client, DF Server, DF Client, Generic OnOff Client,
 * Generic OnOff Server, vendor server, vendor client (SIG models first, then vendor models) and returns how
 * many; 0 when the set lacks the Config Server, has bits outside DCM_MODEL_ALL, or `capacity` is too small (then nothing is written). */
size_t dcm_composition_plan(uint32_t models, dcm_model_id_t *out, size_t capacity);

/* True for a Default TTL a Config Server accepts: 0 or 2-127 (1 is prohibited). */
int dcm_composition_default_ttl_valid(int32_t ttl);

/* True when an image with element 0 `models` serves the Pi's GATT bridge (service 0xDC01 and the "DC-Monitor" advert):
 * it has the vendor client, through which a DC03 command reaches the mesh (the universal node). The relay and the
 * provisioner have none: they register no DC01 service and do not advertise it (docs/security.md, GATT access control). */
int dcm_composition_serves_gatt_bridge(uint32_t models);

/* Encodes an access-layer opcode as sent on air (Mesh Profile §3.7.3.1): 1 byte for 0x00-0x7E, 2 bytes
 * big-endian for 0x8000-0xBFFF, 3 bytes for vendor opcodes 0xC00000-0xFFFFFF written as the first byte
 * then the company id little-endian (0xC002E5 -> C0 E5 02). Returns the length, 0 for 0x7F (reserved)
 * or any other value. `out` holds at least 3 bytes. */
size_t dcm_opcode_encode(uint32_t opcode, uint8_t *out);

/* Decodes the opcode at the start of an access payload; returns the bytes it took (1-3), 0 when the
 * payload is too short or starts with the reserved 0x7F. */
size_t dcm_opcode_decode(const uint8_t *payload, size_t length, uint32_t *opcode);

#ifdef __cplusplus
}
#endif

#endif /* DCM_COMPOSITION_H */
