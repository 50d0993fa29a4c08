// Outstanding acknowledged requests: a status or a stack-reported timeout finds the managed request that caused
// it; one request per destination (the stack's -EBUSY rule); group destinations are never tracked.
#include <gtest/gtest.h>

#include "fake_platform.h"

extern "C" {
#include "dcm_requests.h"
}

namespace
{
constexpr uint32_t kVendorSend = 0xC002E5;        // seed text SEND, 3-byte vendor opcode
constexpr uint32_t kCompositionDataGet = 0x8008;  // Config Composition Data Get
constexpr uint32_t kAppKeyAdd = 0x00;             // Config AppKey Add (1-byte opcode 0x00)
constexpr uint32_t kOnOffSet = 0x8202;            // Generic OnOff Set

class Requests : public ::testing::Test
{
protected:
    void SetUp() override { dcm_requests_init(&requests); }
    dcm_requests_t requests;
};
} // namespace

TEST_F(Requests, AStatusFindsItsRequestOnce)
{
    ASSERT_EQ(DCM_RESULT_OK, dcm_requests_begin(&requests, 41, 0x0006, kVendorSend));
    EXPECT_EQ(41u, dcm_requests_finish(&requests, 0x0006, kVendorSend));
    EXPECT_EQ(0u, dcm_requests_finish(&requests, 0x0006, kVendorSend)); // a late duplicate matches nothing
    EXPECT_EQ(0u, dcm_requests_outstanding(&requests));
}

TEST_F(Requests, OnlyTheSameDestinationAndOpcodeMatch)
{
    ASSERT_EQ(DCM_RESULT_OK, dcm_requests_begin(&requests, 7, 0x0009, kCompositionDataGet));
    EXPECT_EQ(0u, dcm_requests_finish(&requests, 0x000A, kCompositionDataGet));
    EXPECT_EQ(0u, dcm_requests_finish(&requests, 0x0009, kAppKeyAdd));
    EXPECT_EQ(1u, dcm_requests_outstanding(&requests));
    EXPECT_EQ(7u, dcm_requests_finish(&requests, 0x0009, kCompositionDataGet));
}

TEST_F(Requests, ASecondRequestToABusyDestinationIsRefused)
{
    ASSERT_EQ(DCM_RESULT_OK, dcm_requests_begin(&requests, 1, 0x0006, kVendorSend));
    EXPECT_EQ(DCM_RESULT_BUSY, dcm_requests_begin(&requests, 2, 0x0006, kVendorSend));
    EXPECT_EQ(DCM_RESULT_OK, dcm_requests_begin(&requests, 3, 0x0006, kAppKeyAdd));      // another client model: its own list
    EXPECT_EQ(DCM_RESULT_OK, dcm_requests_begin(&requests, 6, 0x0006, kOnOffSet));
    EXPECT_EQ(DCM_RESULT_BUSY, dcm_requests_begin(&requests, 8, 0x0006, kCompositionDataGet)); // Config Client already busy there
    EXPECT_EQ(3u, dcm_requests_finish(&requests, 0x0006, kAppKeyAdd));
    EXPECT_EQ(6u, dcm_requests_finish(&requests, 0x0006, kOnOffSet));
    EXPECT_EQ(DCM_RESULT_OK, dcm_requests_begin(&requests, 4, 0x0007, kVendorSend));

    // After the timeout the stack reports, the destination is free again.
    EXPECT_EQ(1u, dcm_requests_finish(&requests, 0x0006, kVendorSend));
    EXPECT_EQ(DCM_RESULT_OK, dcm_requests_begin(&requests, 5, 0x0006, kVendorSend));
}

TEST_F(Requests, BusyIsFoundEvenAfterAFreeSlot)
{
    ASSERT_EQ(DCM_RESULT_OK, dcm_requests_begin(&requests, 1, 0x0005, kVendorSend));
    ASSERT_EQ(DCM_RESULT_OK, dcm_requests_begin(&requests, 2, 0x0006, kVendorSend));
    ASSERT_EQ(1u, dcm_requests_finish(&requests, 0x0005, kVendorSend)); // slot 0 free, slot 1 holds 0x0006
    EXPECT_EQ(DCM_RESULT_BUSY, dcm_requests_begin(&requests, 3, 0x0006, kVendorSend));
    EXPECT_EQ(1u, dcm_requests_outstanding(&requests));
}

TEST_F(Requests, GroupVirtualAndZeroDestinationsAndIdZeroAreRefused)
{
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_requests_begin(&requests, 1, 0xC000, kVendorSend)); // ALL group
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_requests_begin(&requests, 1, 0x8001, kVendorSend)); // virtual
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_requests_begin(&requests, 1, 0x0000, kVendorSend));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_requests_begin(&requests, 0, 0x0006, kVendorSend));
    EXPECT_EQ(DCM_RESULT_OK, dcm_requests_begin(&requests, 1, 0x7FFF, kVendorSend)); // highest unicast
    EXPECT_EQ(1u, dcm_requests_outstanding(&requests));
}

TEST_F(Requests, AFullTableRefusesWithNoMemoryAndRecovers)
{
    for (uint16_t i = 0; i < DCM_REQUESTS_CAPACITY; i++)
    {
        ASSERT_EQ(DCM_RESULT_OK, dcm_requests_begin(&requests, static_cast<uint16_t>(100 + i), static_cast<uint16_t>(0x0005 + i), kVendorSend));
    }

    EXPECT_EQ(DCM_RESULT_NO_MEMORY, dcm_requests_begin(&requests, 200, 0x0040, kVendorSend));
    EXPECT_EQ(102u, dcm_requests_finish(&requests, 0x0007, kVendorSend));
    EXPECT_EQ(DCM_RESULT_OK, dcm_requests_begin(&requests, 200, 0x0040, kVendorSend));
    EXPECT_EQ(200u, dcm_requests_finish(&requests, 0x0040, kVendorSend));
}

TEST_F(Requests, EveryCallPairsItsCriticalSection)
{
    int before = g_critical_entries;
    dcm_requests_begin(&requests, 1, 0x0006, kVendorSend);
    dcm_requests_begin(&requests, 2, 0x0006, kVendorSend);
    dcm_requests_finish(&requests, 0x0006, kVendorSend);
    dcm_requests_outstanding(&requests);
    EXPECT_EQ(4, g_critical_entries - before);
    EXPECT_EQ(0, g_critical_depth);
}
