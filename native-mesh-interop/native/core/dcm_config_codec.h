/*
 * Config Client messages of the provisioner primitives between the managed format and ESP-IDF's fields.
 *
 * Managed code (DcMonitor.MeshInterop.MeshConfigMessages) passes each request's parameters in their on-air format
 * (Mesh Profile 1.0.1 §4.3.2); ESP-IDF's esp_ble_mesh_config_client_{get,set}_state take them as struct fields, so
 * dcm_config_decode_request splits them (and refuses any malformed block). A status comes back from ESP-IDF as
 * struct fields; dcm_config_encode_status writes it in its on-air format again for the event record, so managed
 * code sees the same bytes whatever the stack.
 *
 * Model identifiers: 2 bytes for a SIG model, 4 for a vendor model (company id then model id), little-endian;
 * company_id is DCM_COMPANY_ID_NONE (0xFFFF) for SIG models.
 *
 * Thread-safety: pure functions over caller memory; callable from any task.
 */
#ifndef DCM_CONFIG_CODEC_H
#define DCM_CONFIG_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "dcm_requests.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Config opcodes (Mesh Profile 1.0.1 §4.3.4, the same values as ESP-IDF's ESP_BLE_MESH_MODEL_OP_* and the managed MeshConfigMessages). */
#define DCM_CONFIG_COMPOSITION_DATA_GET 0x8008u
#define DCM_CONFIG_COMPOSITION_DATA_STATUS 0x02u
#define DCM_CONFIG_APP_KEY_ADD 0x00u
#define DCM_CONFIG_APP_KEY_STATUS 0x8003u
#define DCM_CONFIG_MODEL_APP_BIND 0x803Du
#define DCM_CONFIG_MODEL_APP_STATUS 0x803Eu
#define DCM_CONFIG_MODEL_SUB_ADD 0x801Bu
#define DCM_CONFIG_MODEL_SUB_STATUS 0x801Fu
#define DCM_CONFIG_MODEL_PUB_SET 0x03u
#define DCM_CONFIG_MODEL_PUB_STATUS 0x8019u
#define DCM_CONFIG_RELAY_SET 0x8027u
#define DCM_CONFIG_RELAY_STATUS 0x8028u
#define DCM_CONFIG_DEFAULT_TTL_SET 0x800Du
#define DCM_CONFIG_DEFAULT_TTL_STATUS 0x800Eu
#define DCM_CONFIG_NODE_RESET 0x8049u
#define DCM_CONFIG_NODE_RESET_STATUS 0x804Au
#define DCM_CONFIG_HEARTBEAT_PUB_SET 0x8039u
#define DCM_CONFIG_HEARTBEAT_PUB_STATUS 0x06u
#define DCM_CONFIG_HEARTBEAT_SUB_GET 0x803Au
#define DCM_CONFIG_HEARTBEAT_SUB_SET 0x803Bu
#define DCM_CONFIG_HEARTBEAT_SUB_STATUS 0x803Cu

/* Largest CountLog / PeriodLog of the heartbeat states (Mesh Profile 1.0.1 §4.2.17, §4.2.18); CountLog 0xFF = indefinitely. */
#define DCM_HEARTBEAT_LOG_MAX 0x11u

#define DCM_KEY_LENGTH 16u

/* A Config Client request or status, field by field; which fields are used depends on the opcode. */
typedef struct
{
    uint32_t opcode;
    uint8_t status;            /* statuses with a Status field (§4.3.5): 0 = success */
    uint8_t page;              /* Composition Data Get / Status */
    uint16_t net_index;        /* AppKey Add / Status */
    uint16_t app_index;        /* AppKey Add / Status, Model App Bind / Status, Model Publication Set / Status */
    uint8_t app_key[DCM_KEY_LENGTH]; /* AppKey Add */
    uint16_t element_address;  /* model messages */
    uint16_t address;          /* Model Subscription (group) or Publication (publish address), Heartbeat destination */
    uint16_t company_id;       /* DCM_COMPANY_ID_NONE (0xFFFF) for a SIG model */
    uint16_t model_id;
    uint8_t credential_flag;   /* Model Publication */
    uint8_t ttl;               /* Default TTL Set / Status, Model Publication publish TTL, Heartbeat Publication TTL */
    uint8_t period;            /* Model Publication publish period, Heartbeat PeriodLog */
    uint8_t retransmit;        /* Relay retransmit, or publish retransmit (count in bits 0-2, interval steps in bits 3-7) */
    uint8_t relay;             /* Relay Set / Status: 0 off, 1 on, 2 not supported */
    uint16_t source;           /* Heartbeat Subscription: the one source counted (§4.2.18.1) */
    uint8_t count_log;         /* Heartbeat Publication CountLog, or Subscription CountLog of messages received */
    uint16_t features;         /* Heartbeat Publication features bit field (bits 0-3) */
    uint8_t min_hops;          /* Heartbeat Subscription Status */
    uint8_t max_hops;          /* Heartbeat Subscription Status */
} dcm_config_message_t;

/* Status opcode answering `request_opcode`; 0xFFFFFFFF for an opcode the primitives do not send. */
uint32_t dcm_config_status_opcode(uint32_t request_opcode);

/* Splits the on-air parameters of a request into `out`. DCM_RESULT_INVALID_ARGUMENT for an unknown opcode, a wrong
 * length, a Default TTL of 1 or above 127, an element address that is not unicast, a subscription to a non-group
 * address, a key index above 4095, or a heartbeat field outside its range (CountLog 0x12-0xFE, PeriodLog above 0x11,
 * TTL above 127, features beyond bits 0-3, a subscription source that is neither unassigned nor unicast, a
 * destination that is virtual). */
dcm_result_t dcm_config_decode_request(uint32_t opcode, const uint8_t *parameters, size_t length, dcm_config_message_t *out);

/* Writes the on-air parameters of status `message` (message->opcode a status opcode) into `out`; for Composition
 * Data Status the page's `data_length` bytes of `data` follow the page number. Returns the length (0 for Node Reset
 * Status, which has no parameters), -1 when the opcode is not a status opcode or `capacity` is too small (then nothing
 * is guaranteed about `out`). */
int dcm_config_encode_status(const dcm_config_message_t *message, const uint8_t *data, size_t data_length, uint8_t *out, size_t capacity);

#ifdef __cplusplus
}
#endif

#endif /* DCM_CONFIG_CODEC_H */
