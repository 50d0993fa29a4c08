/*
 * The bounded queue that carries mesh and GATT events from the BLE host / mesh callbacks to managed code
 * (ARCHITECTURE §5): callbacks push records (never allocating), managed code drains them through the
 * TakeEvent InternalCall after a posted custom event. When a record does not fit, it is dropped and
 * counted; the next pop reports the count first as an EventsLost record, so a loss is never silent.
 *
 * Reserve (backpressure, native-mesh-interop/README.md "Queue sizes and backpressure"): the last
 * DCM_EVENT_RESERVE_BYTES of the ring are kept from ordinary records. Only header-only records offered with
 * `use_reserve` (dcm_event_queue_offer) may use them: the GATT bridge's "command refused" record, so a DC03 write
 * whose command does not fit is still answered (ERROR:BUSY) instead of being acknowledged and dropped.
 *
 * Record layout (little-endian), shared with DcMonitor.MeshInterop.MeshEvent:
 *   [0] kind, [1..2] source, [3..4] destination, [5..8] opcode, [9..10] request handle,
 *   [11..12] value (signed), [13..14] payload length, [15..] payload.
 *
 * Thread safety: every function may be called from any task or BLE/mesh callback; each takes the
 * platform critical section for its whole duration (O(record length)).
 */
#ifndef DCM_EVENT_QUEUE_H
#define DCM_EVENT_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DCM_EVENT_HEADER_LENGTH 15u
#define DCM_EVENT_MAX_PAYLOAD 380u
#define DCM_EVENT_KIND_EVENTS_LOST 15u

/* Bytes before each record in the ring (its length, little-endian). */
#define DCM_EVENT_ENTRY_PREFIX 2u

/* Header-only records the reserve holds, and its bytes (4 x (2 + 15) = 68). */
#define DCM_EVENT_RESERVE_RECORDS 4u
#define DCM_EVENT_RESERVE_BYTES (DCM_EVENT_RESERVE_RECORDS * (DCM_EVENT_ENTRY_PREFIX + DCM_EVENT_HEADER_LENGTH))

/* Bytes of the device's static event ring: DCM_EVENT_RING_RECORDS records of the largest size
 * (2-byte length prefix + header + DCM_EVENT_MAX_PAYLOAD = 397 bytes) fit besides the reserve
 * (10 x 397 + 68 = 4038 <= 4096), i.e. ten full segmented messages, the seed's segmented RX message count
 * (seed §1.2), before anything is dropped. */
#define DCM_EVENT_RING_RECORDS 10u
#define DCM_EVENT_RING_BYTES 4096u

typedef struct
{
    uint8_t *storage;   /* ring of [length lo, length hi, record bytes…] entries */
    size_t capacity;    /* bytes of storage */
    size_t head;        /* next byte to read */
    size_t used;        /* bytes in use */
    size_t reserve;     /* bytes at the end of the capacity only dcm_event_queue_offer(..., true) may use */
    uint32_t lost;      /* records dropped since the last EventsLost report */
} dcm_event_queue_t;

/* Prepares an empty queue over caller-provided storage (static on the device: no heap), without a reserve. */
void dcm_event_queue_init(dcm_event_queue_t *queue, uint8_t *storage, size_t capacity);

/* Keeps the last `bytes` of the capacity (at most all of it) from ordinary records (dcm_event_queue_push and
 * dcm_event_queue_offer without `use_reserve`). Call before the queue is shared. */
void dcm_event_queue_set_reserve(dcm_event_queue_t *queue, size_t bytes);

/* Encodes an event record into `record` (at least DCM_EVENT_HEADER_LENGTH + payload_length bytes);
 * returns its length, or 0 when the payload is longer than DCM_EVENT_MAX_PAYLOAD. */
size_t dcm_event_encode(uint8_t kind, uint16_t source, uint16_t destination, uint32_t opcode, uint16_t handle,
                        int16_t value, const uint8_t *payload, uint16_t payload_length, uint8_t *record);

/* Appends an ordinary record (outside the reserve); false (record dropped and counted) when it does not fit or is
 * malformed. */
bool dcm_event_queue_push(dcm_event_queue_t *queue, const uint8_t *record, size_t length);

/* Appends a record the caller answers for itself when it does not fit: nothing is counted as lost. Without
 * `use_reserve` the record must fit outside the reserve, as for dcm_event_queue_push; with it, only a header-only
 * record (length DCM_EVENT_HEADER_LENGTH) is accepted and it may use the reserve. False when it was not queued. */
bool dcm_event_queue_offer(dcm_event_queue_t *queue, const uint8_t *record, size_t length, bool use_reserve);

/* Removes the oldest record into `out` and returns its length; 0 when empty. After a loss the first pop
 * returns an EventsLost record whose value is the number of records dropped (saturated at 32767).
 * A record longer than `out_capacity` stays queued and 0 is returned. */
size_t dcm_event_queue_pop(dcm_event_queue_t *queue, uint8_t *out, size_t out_capacity);

/* Bytes in use (prefixes included). */
size_t dcm_event_queue_used(const dcm_event_queue_t *queue);

/* Records dropped and not yet reported. */
uint32_t dcm_event_queue_lost(const dcm_event_queue_t *queue);

#ifdef __cplusplus
}
#endif

#endif /* DCM_EVENT_QUEUE_H */
