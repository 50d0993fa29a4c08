/*
 * Where a server model's reply goes: ESP-BLE-MESH answers a received message by sending with the received
 * message context (source becomes the destination, the same NetKey and AppKey; docs/reference/esp-ble-mesh.md §1
 * "Server reply"). The managed code replies later, on its own thread, so the glue keeps what it needs of the
 * context here under a handle that travels in the event record, and rebuilds the context on reply.
 *
 * A reply is optional (an unacknowledged Set needs none), so the table is a ring: a new context replaces the
 * oldest, whose handle then finds nothing (the reply is refused with DCM_RESULT_INVALID_ARGUMENT, never sent
 * to the wrong node). Handles run 1-65535 and skip 0.
 *
 * Thread-safety: every function takes the core's critical section (dcm_platform.h): contexts are put from the
 * mesh callbacks (BTC task) and taken on the CLR thread. No allocation.
 */
#ifndef DCM_REPLY_TABLE_H
#define DCM_REPLY_TABLE_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Requests whose reply can still be sent: the seed's 10 segmented RX messages (seed §1.2) plus OnOff traffic. */
#define DCM_REPLY_CAPACITY 16u

typedef struct
{
    uint16_t handle;       /* 0 = free */
    uint16_t source;       /* requester: the reply's destination */
    uint16_t destination;  /* where the request was sent (own unicast or a group) */
    uint16_t net_index;    /* NetKey index of the request */
    uint16_t app_index;    /* AppKey index of the request */
    uint8_t model;         /* DCM_MODEL_VENDOR_SERVER or DCM_MODEL_GENERIC_ONOFF_SERVER: the model that must reply */
    uint8_t received_ttl;  /* TTL the request arrived with (0-127): the vendor reply's TTL follows from it (dcm_reply_ttl.h) */
} dcm_reply_context_t;

typedef struct
{
    dcm_reply_context_t entries[DCM_REPLY_CAPACITY];
    uint16_t last_handle;
    uint8_t next_slot;
} dcm_reply_table_t;

/* Empties the table. */
void dcm_reply_table_init(dcm_reply_table_t *table);

/* Stores `context` (its handle field is ignored) in place of the oldest entry and returns its new handle (never 0). */
uint16_t dcm_reply_table_put(dcm_reply_table_t *table, const dcm_reply_context_t *context);

/* Removes the context of `handle` into `out` when it exists and belongs to `model`; false otherwise (unknown, already
 * used, replaced by newer requests, or another model's request). */
bool dcm_reply_table_take(dcm_reply_table_t *table, uint16_t handle, uint8_t model, dcm_reply_context_t *out);

#ifdef __cplusplus
}
#endif

#endif /* DCM_REPLY_TABLE_H */
