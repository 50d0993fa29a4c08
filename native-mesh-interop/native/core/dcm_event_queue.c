#include "dcm_event_queue.h"

#include "dcm_platform.h"

/* The core is freestanding C11 (no libc): it builds for the ESP32-C6 (rv32imac) with nothing but the compiler. */

#define ENTRY_PREFIX DCM_EVENT_ENTRY_PREFIX

static void put16(uint8_t *at, uint16_t value)
{
    at[0] = (uint8_t)(value & 0xFFu);
    at[1] = (uint8_t)(value >> 8);
}

void dcm_event_queue_init(dcm_event_queue_t *queue, uint8_t *storage, size_t capacity)
{
    queue->storage = storage;
    queue->capacity = capacity;
    queue->head = 0;
    queue->used = 0;
    queue->lost = 0;
    queue->reserve = 0;
}

void dcm_event_queue_set_reserve(dcm_event_queue_t *queue, size_t bytes)
{
    queue->reserve = bytes > queue->capacity ? queue->capacity : bytes;
}

size_t dcm_event_encode(uint8_t kind, uint16_t source, uint16_t destination, uint32_t opcode, uint16_t handle,
                        int16_t value, const uint8_t *payload, uint16_t payload_length, uint8_t *record)
{
    if (payload_length > DCM_EVENT_MAX_PAYLOAD)
    {
        return 0;
    }

    record[0] = kind;
    put16(&record[1], source);
    put16(&record[3], destination);
    put16(&record[5], (uint16_t)(opcode & 0xFFFFu));
    put16(&record[7], (uint16_t)(opcode >> 16));
    put16(&record[9], handle);
    put16(&record[11], (uint16_t)value);
    put16(&record[13], payload_length);
    for (uint16_t i = 0; i < payload_length; i++)
    {
        record[DCM_EVENT_HEADER_LENGTH + i] = payload[i];
    }

    return DCM_EVENT_HEADER_LENGTH + payload_length;
}

static void write_bytes(dcm_event_queue_t *queue, size_t at, const uint8_t *bytes, size_t length)
{
    for (size_t i = 0; i < length; i++)
    {
        queue->storage[(at + i) % queue->capacity] = bytes[i];
    }
}

static void read_bytes(const dcm_event_queue_t *queue, size_t at, uint8_t *bytes, size_t length)
{
    for (size_t i = 0; i < length; i++)
    {
        bytes[i] = queue->storage[(at + i) % queue->capacity];
    }
}

/* Stores the record when it is well formed and fits within the first `limit` bytes of the capacity (caller holds the
 * critical section). */
static bool store(dcm_event_queue_t *queue, const uint8_t *record, size_t length, size_t limit)
{
    if (length < DCM_EVENT_HEADER_LENGTH || length > DCM_EVENT_HEADER_LENGTH + DCM_EVENT_MAX_PAYLOAD ||
        queue->used + ENTRY_PREFIX + length > limit)
    {
        return false;
    }

    uint8_t prefix[ENTRY_PREFIX];
    put16(prefix, (uint16_t)length);
    size_t tail = (queue->head + queue->used) % queue->capacity;
    write_bytes(queue, tail, prefix, ENTRY_PREFIX);
    write_bytes(queue, (tail + ENTRY_PREFIX) % queue->capacity, record, length);
    queue->used += ENTRY_PREFIX + length;
    return true;
}

bool dcm_event_queue_push(dcm_event_queue_t *queue, const uint8_t *record, size_t length)
{
    dcm_platform_enter_critical();
    bool stored = store(queue, record, length, queue->capacity - queue->reserve);
    if (!stored)
    {
        queue->lost++;
    }

    dcm_platform_exit_critical();
    return stored;
}

bool dcm_event_queue_offer(dcm_event_queue_t *queue, const uint8_t *record, size_t length, bool use_reserve)
{
    if (use_reserve && length != DCM_EVENT_HEADER_LENGTH)
    {
        return false; /* the reserve is for header-only records */
    }

    dcm_platform_enter_critical();
    bool stored = store(queue, record, length, use_reserve ? queue->capacity : queue->capacity - queue->reserve);
    dcm_platform_exit_critical();
    return stored;
}

size_t dcm_event_queue_pop(dcm_event_queue_t *queue, uint8_t *out, size_t out_capacity)
{
    size_t length = 0;
    dcm_platform_enter_critical();
    if (queue->lost > 0u && out_capacity >= DCM_EVENT_HEADER_LENGTH)
    {
        uint32_t reported = queue->lost > 32767u ? 32767u : queue->lost;
        queue->lost -= reported;
        length = dcm_event_encode(DCM_EVENT_KIND_EVENTS_LOST, 0, 0, 0, 0, (int16_t)reported, NULL, 0, out);
    }
    else if (queue->used > 0u)
    {
        uint8_t prefix[ENTRY_PREFIX];
        read_bytes(queue, queue->head, prefix, ENTRY_PREFIX);
        size_t entry = (size_t)prefix[0] | ((size_t)prefix[1] << 8);
        if (entry <= out_capacity)
        {
            read_bytes(queue, (queue->head + ENTRY_PREFIX) % queue->capacity, out, entry);
            queue->head = (queue->head + ENTRY_PREFIX + entry) % queue->capacity;
            queue->used -= ENTRY_PREFIX + entry;
            length = entry;
        }
    }

    dcm_platform_exit_critical();
    return length;
}

size_t dcm_event_queue_used(const dcm_event_queue_t *queue)
{
    return queue->used;
}

uint32_t dcm_event_queue_lost(const dcm_event_queue_t *queue)
{
    return queue->lost;
}
