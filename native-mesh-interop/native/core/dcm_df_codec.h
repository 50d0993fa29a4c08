/*
 * Directed Forwarding Configuration Client messages (Mesh Protocol 1.1) of the provisioner between the managed on-air format
 * (DcMonitor.MeshInterop.DirectedForwardingMessages) and the fields of ESP-IDF v5.5.4's esp_ble_mesh_df_client_set_t /
 * esp_ble_mesh_df_client_cb_param_t (v1.1/api/core/include/esp_ble_mesh_df_model_api.h; docs/directed-forwarding.md):
 *   Directed Control Set:            NetKey index (2), Directed Forwarding, Directed Relay, Directed Proxy, Directed Proxy Use
 *                                    Directed Default, Directed Friend (1 each: 0, 1, or 0xFF = leave as is for the last three)
 *   Forwarding Table Add:            NetKey index (bits 0-11) | Unicast Destination flag (bit 12) | Backward Path Validated flag
 *                                    (bit 13), path origin range, path target range (or a 2-byte group destination), bearer toward
 *                                    the path origin (2), bearer toward the path target (2)
 *   Forwarding Table Dependents Add: NetKey index (2), path origin (2), destination (2), dependent origin range count (1),
 *                                    dependent target range count (1), then the ranges
 *   Statuses: Directed Control Status = status, NetKey index (2), the five states; Forwarding Table Status and Forwarding Table
 *   Dependents Status = status, NetKey index (2), path origin (2), destination (2).
 * A unicast address range: 2 bytes little-endian, bit 0 Length Present, bits 1-15 the first address, then the length (2-255) when
 * present. Thread-safety: pure functions over caller memory; callable from any task.
 */
#ifndef DCM_DF_CODEC_H
#define DCM_DF_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "dcm_result.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Opcodes (ESP-IDF ESP_BLE_MESH_MODEL_OP_*, the managed DirectedForwardingMessages). */
#define DCM_DF_DIRECTED_CONTROL_SET 0x807Cu
#define DCM_DF_DIRECTED_CONTROL_STATUS 0x807Du
#define DCM_DF_FORWARDING_TABLE_ADD 0x8084u
#define DCM_DF_FORWARDING_TABLE_STATUS 0x8086u
#define DCM_DF_FORWARDING_TABLE_DEPS_ADD 0x8087u
#define DCM_DF_FORWARDING_TABLE_DEPS_STATUS 0x8089u

/* Dependent ranges one request carries at most: CONFIG_BLE_MESH_MAX_DEPS_NODES_PER_PATH as the fragment sets it (Kconfig 2-64). */
#define DCM_DF_MAX_DEPENDENT_RANGES 64u

/* A unicast address range: first address and length (1 when the on-air form has no length). */
typedef struct
{
    uint16_t first;
    uint8_t length;
} dcm_df_range_t;

/* A request or status, field by field; which fields are used depends on the opcode. */
typedef struct
{
    uint32_t opcode;
    uint8_t status;               /* statuses */
    uint16_t net_index;
    uint8_t directed_forwarding;  /* Directed Control */
    uint8_t directed_relay;
    uint8_t directed_proxy;
    uint8_t directed_proxy_use_default;
    uint8_t directed_friend;
    uint8_t unicast_destination;  /* Forwarding Table Add: 1 = path_target is a range, 0 = destination is a group */
    uint8_t backward_path_validated;
    dcm_df_range_t path_origin;   /* Forwarding Table Add */
    dcm_df_range_t path_target;   /* Forwarding Table Add with unicast_destination */
    uint16_t destination;         /* group destination of Forwarding Table Add; the destination of Dependents Add and of the statuses */
    uint16_t bearer_toward_origin;
    uint16_t bearer_toward_target;
    uint16_t origin_address;      /* Dependents Add and statuses: the path origin's primary address */
    uint8_t dependent_origin_count;
    uint8_t dependent_target_count;
    dcm_df_range_t dependents[DCM_DF_MAX_DEPENDENT_RANGES]; /* the origin ranges, then the target ranges */
} dcm_df_message_t;

/* True for the three request opcodes above. */
int dcm_df_is_request(uint32_t opcode);

/* Status opcode answering `request_opcode`; 0xFFFFFFFF for any other opcode. */
uint32_t dcm_df_status_opcode(uint32_t request_opcode);

/* Splits the on-air parameters of a request into `out`. DCM_RESULT_INVALID_ARGUMENT for another opcode, a wrong length, a NetKey
 * index above 4095, Directed Forwarding or Directed Relay other than 0/1, relay on with forwarding off, a proxy/friend field other
 * than 0, 1 or 0xFF, prohibited bits 14-15 of Forwarding Table Add, a range whose present length is below 2, a range that is not
 * unicast or runs past 0x7FFF, a Dependents Add with no range or more than DCM_DF_MAX_DEPENDENT_RANGES. */
dcm_result_t dcm_df_decode_request(uint32_t opcode, const uint8_t *parameters, size_t length, dcm_df_message_t *out);

/* Writes the on-air parameters of status `message` into `out`; returns the length (8 for Directed Control Status, 7 for the two
 * Forwarding Table statuses), -1 for another opcode or a `capacity` too small. */
int dcm_df_encode_status(const dcm_df_message_t *message, uint8_t *out, size_t capacity);

#ifdef __cplusplus
}
#endif

#endif /* DCM_DF_CODEC_H */
