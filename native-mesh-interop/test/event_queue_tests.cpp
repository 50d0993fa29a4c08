// The event queue between BLE/mesh callbacks and managed code: order, wrap-around, overflow counted and
// reported as an EventsLost record, the record layout shared with the managed MeshEvent decoder.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "fake_platform.h"

extern "C" {
#include "dcm_event_queue.h"
}

namespace
{
std::vector<uint8_t> Record(uint8_t kind, uint16_t source, std::vector<uint8_t> payload = {})
{
    std::vector<uint8_t> record(DCM_EVENT_HEADER_LENGTH + payload.size());
    size_t length = dcm_event_encode(kind, source, 0xC000, 0xC302E5, 7, -1, payload.data(), static_cast<uint16_t>(payload.size()), record.data());
    record.resize(length);
    return record;
}
} // namespace

TEST(EventRecord, LayoutMatchesTheManagedDecoder)
{
    uint8_t payload[] = {0x10, 50};
    uint8_t record[DCM_EVENT_HEADER_LENGTH + 2];
    ASSERT_EQ(17u, dcm_event_encode(1, 0x0006, 0xC000, 0xC302E5, 17, -1, payload, 2, record));
    const uint8_t expected[] = {1, 0x06, 0x00, 0x00, 0xC0, 0xE5, 0x02, 0xC3, 0x00, 17, 0, 0xFF, 0xFF, 2, 0, 0x10, 50};
    EXPECT_EQ(0, std::memcmp(expected, record, sizeof(expected)));
}

TEST(EventRecord, PayloadLongerThanAnAccessMessageIsRefused)
{
    std::vector<uint8_t> payload(DCM_EVENT_MAX_PAYLOAD + 1);
    std::vector<uint8_t> record(DCM_EVENT_HEADER_LENGTH + payload.size());
    EXPECT_EQ(0u, dcm_event_encode(1, 1, 1, 1, 0, 0, payload.data(), static_cast<uint16_t>(payload.size()), record.data()));
}

TEST(EventQueue, RecordsComeOutInOrder)
{
    uint8_t storage[256];
    dcm_event_queue_t queue;
    dcm_event_queue_init(&queue, storage, sizeof(storage));
    for (uint16_t i = 1; i <= 5; i++)
    {
        auto record = Record(1, i, {static_cast<uint8_t>(i)});
        ASSERT_TRUE(dcm_event_queue_push(&queue, record.data(), record.size()));
    }

    uint8_t out[64];
    for (uint16_t i = 1; i <= 5; i++)
    {
        ASSERT_EQ(16u, dcm_event_queue_pop(&queue, out, sizeof(out)));
        EXPECT_EQ(i, out[1] | (out[2] << 8));
        EXPECT_EQ(i, out[15]);
    }

    EXPECT_EQ(0u, dcm_event_queue_pop(&queue, out, sizeof(out)));
    EXPECT_EQ(0, g_critical_depth);
}

TEST(EventQueue, WrapsAroundTheRing)
{
    uint8_t storage[50];
    dcm_event_queue_t queue;
    dcm_event_queue_init(&queue, storage, sizeof(storage));
    uint8_t out[64];
    for (uint16_t i = 0; i < 20; i++)
    {
        auto record = Record(1, i, {1, 2, 3, static_cast<uint8_t>(i)});
        ASSERT_TRUE(dcm_event_queue_push(&queue, record.data(), record.size()));
        ASSERT_EQ(record.size(), dcm_event_queue_pop(&queue, out, sizeof(out)));
        EXPECT_EQ(0, std::memcmp(record.data(), out, record.size()));
    }
}

TEST(EventQueue, OverflowIsCountedAndReportedBeforeTheNextRecord)
{
    uint8_t storage[40]; // room for two 17-byte entries (prefix 2 + record 15)
    dcm_event_queue_t queue;
    dcm_event_queue_init(&queue, storage, sizeof(storage));
    auto record = Record(2, 5);
    EXPECT_TRUE(dcm_event_queue_push(&queue, record.data(), record.size()));
    EXPECT_TRUE(dcm_event_queue_push(&queue, record.data(), record.size()));
    EXPECT_FALSE(dcm_event_queue_push(&queue, record.data(), record.size()));
    EXPECT_FALSE(dcm_event_queue_push(&queue, record.data(), record.size()));
    EXPECT_EQ(2u, dcm_event_queue_lost(&queue));

    uint8_t out[64];
    ASSERT_EQ(DCM_EVENT_HEADER_LENGTH, dcm_event_queue_pop(&queue, out, sizeof(out)));
    EXPECT_EQ(DCM_EVENT_KIND_EVENTS_LOST, out[0]);
    EXPECT_EQ(2, out[11] | (out[12] << 8));
    EXPECT_EQ(0u, dcm_event_queue_lost(&queue));
    EXPECT_EQ(record.size(), dcm_event_queue_pop(&queue, out, sizeof(out)));
    EXPECT_EQ(2, out[0]);
}

TEST(EventQueue, TheDeviceRingHoldsItsStatedNumberOfLargestRecords)
{
    std::vector<uint8_t> storage(DCM_EVENT_RING_BYTES);
    dcm_event_queue_t queue;
    dcm_event_queue_init(&queue, storage.data(), storage.size());
    auto largest = Record(1, 6, std::vector<uint8_t>(DCM_EVENT_MAX_PAYLOAD, 0x5A));
    ASSERT_EQ(DCM_EVENT_HEADER_LENGTH + DCM_EVENT_MAX_PAYLOAD, largest.size());
    for (unsigned i = 0; i < DCM_EVENT_RING_RECORDS; i++)
    {
        EXPECT_TRUE(dcm_event_queue_push(&queue, largest.data(), largest.size())) << "record " << i;
    }

    EXPECT_EQ(0u, dcm_event_queue_lost(&queue));
}

TEST(EventQueue, ARecordTooBigForTheCallerStaysQueued)
{
    uint8_t storage[128];
    dcm_event_queue_t queue;
    dcm_event_queue_init(&queue, storage, sizeof(storage));
    auto record = Record(14, 0, std::vector<uint8_t>(30, 0x41));
    ASSERT_TRUE(dcm_event_queue_push(&queue, record.data(), record.size()));
    uint8_t small[20];
    EXPECT_EQ(0u, dcm_event_queue_pop(&queue, small, sizeof(small)));
    uint8_t out[64];
    EXPECT_EQ(record.size(), dcm_event_queue_pop(&queue, out, sizeof(out)));
}

TEST(EventQueue, MalformedRecordsAreRefusedAndCounted)
{
    uint8_t storage[128];
    dcm_event_queue_t queue;
    dcm_event_queue_init(&queue, storage, sizeof(storage));
    uint8_t tiny[3] = {1, 2, 3};
    EXPECT_FALSE(dcm_event_queue_push(&queue, tiny, sizeof(tiny)));
    EXPECT_EQ(1u, dcm_event_queue_lost(&queue));
}

TEST(EventQueue, EveryCallPairsItsCriticalSection)
{
    uint8_t storage[64];
    dcm_event_queue_t queue;
    dcm_event_queue_init(&queue, storage, sizeof(storage));
    int before = g_critical_entries;
    auto record = Record(1, 1);
    dcm_event_queue_push(&queue, record.data(), record.size());
    uint8_t out[64];
    dcm_event_queue_pop(&queue, out, sizeof(out));
    EXPECT_EQ(before + 2, g_critical_entries);
    EXPECT_EQ(0, g_critical_depth);
}

TEST(EventQueueReserve, OrdinaryRecordsNeverUseTheReserve)
{
    uint8_t storage[100];
    dcm_event_queue_t queue;
    dcm_event_queue_init(&queue, storage, sizeof(storage));
    dcm_event_queue_set_reserve(&queue, 2u * (DCM_EVENT_ENTRY_PREFIX + DCM_EVENT_HEADER_LENGTH)); // 34 bytes: 66 for the rest
    auto header = Record(2, 5);
    EXPECT_TRUE(dcm_event_queue_push(&queue, header.data(), header.size()));
    EXPECT_TRUE(dcm_event_queue_push(&queue, header.data(), header.size()));
    EXPECT_TRUE(dcm_event_queue_push(&queue, header.data(), header.size()));
    EXPECT_EQ(51u, dcm_event_queue_used(&queue));
    EXPECT_FALSE(dcm_event_queue_push(&queue, header.data(), header.size())) << "51 + 17 > 66: the reserve is not for ordinary records";
    EXPECT_EQ(1u, dcm_event_queue_lost(&queue));
    EXPECT_FALSE(dcm_event_queue_offer(&queue, header.data(), header.size(), false)) << "an offer without the reserve obeys the same limit";
    EXPECT_EQ(1u, dcm_event_queue_lost(&queue)) << "an offer is never counted as lost";

    auto refused = Record(22, 0);
    EXPECT_TRUE(dcm_event_queue_offer(&queue, refused.data(), refused.size(), true));
    EXPECT_TRUE(dcm_event_queue_offer(&queue, refused.data(), refused.size(), true));
    EXPECT_EQ(85u, dcm_event_queue_used(&queue));
    EXPECT_FALSE(dcm_event_queue_offer(&queue, refused.data(), refused.size(), true)) << "85 + 17 > 100: the reserve is full too";
    EXPECT_EQ(1u, dcm_event_queue_lost(&queue));
    EXPECT_EQ(0, g_critical_depth);

    uint8_t out[64];
    ASSERT_EQ(DCM_EVENT_HEADER_LENGTH, dcm_event_queue_pop(&queue, out, sizeof(out)));
    EXPECT_EQ(DCM_EVENT_KIND_EVENTS_LOST, out[0]);
    EXPECT_EQ(1, out[11]);
    for (int i = 0; i < 3; i++)
    {
        ASSERT_EQ(DCM_EVENT_HEADER_LENGTH, dcm_event_queue_pop(&queue, out, sizeof(out)));
        EXPECT_EQ(2, out[0]);
    }
    for (int i = 0; i < 2; i++)
    {
        ASSERT_EQ(DCM_EVENT_HEADER_LENGTH, dcm_event_queue_pop(&queue, out, sizeof(out)));
        EXPECT_EQ(22, out[0]) << "reserved records come out in their order with the rest";
    }
    EXPECT_EQ(0u, dcm_event_queue_pop(&queue, out, sizeof(out)));
}

TEST(EventQueueReserve, OnlyHeaderOnlyRecordsMayUseTheReserve)
{
    uint8_t storage[100];
    dcm_event_queue_t queue;
    dcm_event_queue_init(&queue, storage, sizeof(storage));
    dcm_event_queue_set_reserve(&queue, 100);
    auto withPayload = Record(14, 0, {'0', ':', 'R'});
    EXPECT_FALSE(dcm_event_queue_offer(&queue, withPayload.data(), withPayload.size(), true));
    EXPECT_FALSE(dcm_event_queue_push(&queue, withPayload.data(), withPayload.size())) << "a reserve of the whole ring leaves nothing ordinary";
    auto header = Record(22, 0);
    EXPECT_TRUE(dcm_event_queue_offer(&queue, header.data(), header.size(), true));
    EXPECT_EQ(1u, dcm_event_queue_lost(&queue));
}

TEST(EventQueueReserve, AReserveLargerThanTheRingIsTheRing)
{
    uint8_t storage[40];
    dcm_event_queue_t queue;
    dcm_event_queue_init(&queue, storage, sizeof(storage));
    dcm_event_queue_set_reserve(&queue, 1000);
    auto header = Record(22, 0);
    EXPECT_TRUE(dcm_event_queue_offer(&queue, header.data(), header.size(), true));
    EXPECT_TRUE(dcm_event_queue_offer(&queue, header.data(), header.size(), true));
    EXPECT_FALSE(dcm_event_queue_offer(&queue, header.data(), header.size(), true));
}

TEST(EventQueueReserve, TheDeviceRingHoldsItsLargestRecordsBesideTheReserve)
{
    std::vector<uint8_t> storage(DCM_EVENT_RING_BYTES);
    dcm_event_queue_t queue;
    dcm_event_queue_init(&queue, storage.data(), storage.size());
    dcm_event_queue_set_reserve(&queue, DCM_EVENT_RESERVE_BYTES);
    auto largest = Record(1, 6, std::vector<uint8_t>(DCM_EVENT_MAX_PAYLOAD, 0x5A));
    for (unsigned i = 0; i < DCM_EVENT_RING_RECORDS; i++)
    {
        EXPECT_TRUE(dcm_event_queue_push(&queue, largest.data(), largest.size())) << "record " << i;
    }
    EXPECT_EQ(0u, dcm_event_queue_lost(&queue));

    auto refused = Record(22, 0);
    for (unsigned i = 0; i < DCM_EVENT_RESERVE_RECORDS; i++)
    {
        EXPECT_TRUE(dcm_event_queue_offer(&queue, refused.data(), refused.size(), true)) << "reserved record " << i;
    }
}
