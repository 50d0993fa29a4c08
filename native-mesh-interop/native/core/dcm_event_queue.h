/*
 * The bounded queue that carries mesh and GATT events from the BLE host / mesh callbacks to managed code
 * (ARCHITECTURE §5): callbacks push records (never allocating), managed code drains them through the
 * TakeEvent InternalCall after a posted custom event. When a record does not fit, it is dropped and
 * counted; the next pop reports the count first as an EventsLost record, so a loss is never silent.
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

/* Bytes of the device's static event ring: DCM_EVENT_RING_RECORDS records of the largest size
 * (2-byte length prefix + header + DCM_EVENT_MAX_PAYLOAD = 397 bytes) fit, i.e. ten full segmented
 * messages, the seed's segmented RX message count (seed §1.2), before anything is dropped. */
#define DCM_EVENT_RING_RECORDS 10u
#define DCM_EVENT_RING_BYTES 4096u

typedef struct
{
    uint8_t *storage;   /* ring of [length lo, length hi, record bytes…] entries */
    size_t capacity;    /* bytes of storage */
    size_t head;        /* next byte to read */
    size_t used;        /* bytes in use */
    uint32_t lost;      /* records dropped since the last EventsLost report */
} dcm_event_queue_t;

/* Prepares an empty queue over caller-provided storage (static on the device: no heap). */
void dcm_event_queue_init(dcm_event_queue_t *queue, uint8_t *storage, size_t capacity);

/* Encodes an event record into `record` (at least DCM_EVENT_HEADER_LENGTH + payload_length bytes);
 * returns its length, or 0 when the payload is longer than DCM_EVENT_MAX_PAYLOAD. */
size_t dcm_event_encode(uint8_t kind, uint16_t source, uint16_t destination, uint32_t opcode, uint16_t handle,
                        int16_t value, const uint8_t *payload, uint16_t payload_length, uint8_t *record);

/* Appends a record; false (record dropped and counted) when it does not fit or is malformed. */
bool dcm_event_queue_push(dcm_event_queue_t *queue, const uint8_t *record, size_t length);

/* Removes the oldest record into `out` and returns its length; 0 when empty. After a loss the first pop
 * returns an EventsLost record whose value is the number of records dropped (saturated at 32767).
 * A record longer than `out_capacity` stays queued and 0 is returned. */
size_t dcm_event_queue_pop(dcm_event_queue_t *queue, uint8_t *out, size_t out_capacity);

/* Records dropped and not yet reported. */
uint32_t dcm_event_queue_lost(const dcm_event_queue_t *queue);

#ifdef __cplusplus
}
#endif

#endif /* DCM_EVENT_QUEUE_H */
