/*
 * Outstanding acknowledged requests (vendor SEND to a unicast node, Config Client and Generic OnOff Client
 * requests of the provisioner primitives), so that a status or timeout reported by ESP-BLE-MESH is matched
 * back to the managed request that caused it.
 *
 * ESP-BLE-MESH owns the timers: a client request times out after its msg_timeout, or
 * CONFIG_BLE_MESH_CLIENT_MSG_TIMEOUT (4000 ms), and the stack reports it with the request's opcode and
 * destination (docs/reference/esp-ble-mesh.md §1, §3). The stack also refuses a second request from a client model to a
 * destination that model still has one outstanding with (-EBUSY: the pending list is per client model, ESP-IDF
 * models/client/client_common.c bt_mesh_client_send_msg); this table applies the same rule before calling the
 * stack, with the client model told by the opcode (3-byte vendor opcodes: vendor client; 0x82xx: Generic OnOff
 * client; others: Config Client), so the two never disagree, and a status or timeout finds at most one entry.
 *
 * Thread-safety: every function takes the core's critical section (dcm_platform.h); they are called from the
 * CLR thread (begin, abandon) and from the BLE host task's mesh callbacks (finish). No allocation.
 */
#ifndef DCM_REQUESTS_H
#define DCM_REQUESTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dcm_result.h"

#ifdef __cplusplus
extern "C" {
#endif

/* At most this many requests outstanding at once: one per destination, and the provisioner configures one
 * node at a time (seed §6), so 8 leaves room for a universal node's concurrent sends. */
#define DCM_REQUESTS_CAPACITY 8u

typedef struct
{
    uint16_t request_id;     /* the managed caller's id; 0 = free slot */
    uint16_t destination;    /* unicast address the request went to */
    uint32_t request_opcode; /* opcode of the request (1, 2 or 3 bytes, as sent on air) */
} dcm_request_t;

typedef struct
{
    dcm_request_t entries[DCM_REQUESTS_CAPACITY];
} dcm_requests_t;

/* Empties the table. */
void dcm_requests_init(dcm_requests_t *requests);

/* Records a request about to be handed to the stack.
 * DCM_RESULT_INVALID_ARGUMENT: request_id 0, or destination not a unicast address (0x0001-0x7FFF): group and
 *   virtual destinations get no response matching from the stack (seed §1.7), so they are never recorded;
 * DCM_RESULT_BUSY: a request of the same client model to this destination is still outstanding (the stack's -EBUSY rule);
 * DCM_RESULT_NO_MEMORY: DCM_REQUESTS_CAPACITY requests are outstanding. */
dcm_result_t dcm_requests_begin(dcm_requests_t *requests, uint16_t request_id, uint16_t destination, uint32_t request_opcode);

/* Ends the request to `destination` with `request_opcode` (a status arrived, or the stack reported its
 * timeout) and returns its id; 0 when none matches (a late status after a timeout, or an unsolicited one). */
uint16_t dcm_requests_finish(dcm_requests_t *requests, uint16_t destination, uint32_t request_opcode);

/* Outstanding requests (for diagnostics and tests). */
size_t dcm_requests_outstanding(const dcm_requests_t *requests);

#ifdef __cplusplus
}
#endif

#endif /* DCM_REQUESTS_H */
