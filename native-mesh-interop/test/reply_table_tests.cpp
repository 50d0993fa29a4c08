// Reply contexts: a reply goes back to the node that asked, with the request's keys, once; a context replaced by
// newer requests, or asked for by the wrong model, finds nothing.
#include <gtest/gtest.h>

#include "fake_platform.h"

extern "C" {
#include "dcm_composition.h"
#include "dcm_reply_table.h"
}

namespace
{
dcm_reply_context_t Context(uint16_t source, uint8_t model)
{
    dcm_reply_context_t context = {};
    context.source = source;
    context.destination = 0xC000;
    context.net_index = 0;
    context.app_index = 3;
    context.model = model;
    return context;
}
} // namespace

TEST(ReplyTable, AContextIsTakenOnceWithWhatTheRequestCarried)
{
    dcm_reply_table_t table;
    dcm_reply_table_init(&table);
    dcm_reply_context_t request = Context(0x0006, DCM_MODEL_VENDOR_SERVER);
    uint16_t handle = dcm_reply_table_put(&table, &request);
    ASSERT_NE(0u, handle);

    dcm_reply_context_t out = {};
    ASSERT_TRUE(dcm_reply_table_take(&table, handle, DCM_MODEL_VENDOR_SERVER, &out));
    EXPECT_EQ(0x0006u, out.source);
    EXPECT_EQ(0xC000u, out.destination);
    EXPECT_EQ(3u, out.app_index);
    EXPECT_FALSE(dcm_reply_table_take(&table, handle, DCM_MODEL_VENDOR_SERVER, &out)) << "one reply per request";
    EXPECT_EQ(0, g_critical_depth);
}

TEST(ReplyTable, AnotherModelsHandleIsRefused)
{
    dcm_reply_table_t table;
    dcm_reply_table_init(&table);
    dcm_reply_context_t request = Context(0x0006, DCM_MODEL_GENERIC_ONOFF_SERVER);
    uint16_t handle = dcm_reply_table_put(&table, &request);
    dcm_reply_context_t out = {};
    EXPECT_FALSE(dcm_reply_table_take(&table, handle, DCM_MODEL_VENDOR_SERVER, &out));
    EXPECT_TRUE(dcm_reply_table_take(&table, handle, DCM_MODEL_GENERIC_ONOFF_SERVER, &out));
    EXPECT_FALSE(dcm_reply_table_take(&table, 0, DCM_MODEL_GENERIC_ONOFF_SERVER, &out));
}

TEST(ReplyTable, TheOldestContextGivesWayAndItsHandleFindsNothing)
{
    dcm_reply_table_t table;
    dcm_reply_table_init(&table);
    dcm_reply_context_t first = Context(0x0005, DCM_MODEL_VENDOR_SERVER);
    uint16_t oldest = dcm_reply_table_put(&table, &first);
    uint16_t newest = 0;
    for (unsigned i = 0; i < DCM_REPLY_CAPACITY; i++)
    {
        dcm_reply_context_t next = Context(static_cast<uint16_t>(0x0006 + i), DCM_MODEL_VENDOR_SERVER);
        newest = dcm_reply_table_put(&table, &next);
    }

    dcm_reply_context_t out = {};
    EXPECT_FALSE(dcm_reply_table_take(&table, oldest, DCM_MODEL_VENDOR_SERVER, &out));
    ASSERT_TRUE(dcm_reply_table_take(&table, newest, DCM_MODEL_VENDOR_SERVER, &out));
    EXPECT_EQ(0x0006u + DCM_REPLY_CAPACITY - 1u, out.source);
}

TEST(ReplyTable, HandlesWrapAroundWithoutZero)
{
    dcm_reply_table_t table;
    dcm_reply_table_init(&table);
    table.last_handle = 0xFFFF;
    dcm_reply_context_t request = Context(0x0006, DCM_MODEL_VENDOR_SERVER);
    EXPECT_EQ(1u, dcm_reply_table_put(&table, &request));
}
