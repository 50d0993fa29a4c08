// Directed Forwarding Configuration Client messages: the managed on-air format (DirectedForwardingMessages; the same bytes
// DirectedForwardingMessagesTests holds the managed builders to) split into ESP-IDF's fields, malformed blocks refused, and
// statuses written back in their on-air format.
#include <gtest/gtest.h>

#include <vector>

extern "C" {
#include "dcm_df_codec.h"
}

namespace
{
dcm_df_message_t Decode(uint32_t opcode, std::vector<uint8_t> parameters, dcm_result_t expected = DCM_RESULT_OK)
{
    dcm_df_message_t message;
    EXPECT_EQ(expected, dcm_df_decode_request(opcode, parameters.data(), parameters.size(), &message));
    return message;
}
} // namespace

TEST(DirectedForwardingCodec, DirectedControlSetCarriesForwardingAndRelayAndLeavesProxyAndFriend)
{
    dcm_df_message_t message = Decode(DCM_DF_DIRECTED_CONTROL_SET, {0x00, 0x00, 0x01, 0x01, 0xFF, 0xFF, 0xFF});
    EXPECT_EQ(0u, message.net_index);
    EXPECT_EQ(1u, message.directed_forwarding);
    EXPECT_EQ(1u, message.directed_relay);
    EXPECT_EQ(0xFFu, message.directed_proxy);
    EXPECT_EQ(0xFFu, message.directed_proxy_use_default);
    EXPECT_EQ(0xFFu, message.directed_friend);
    Decode(DCM_DF_DIRECTED_CONTROL_SET, {0x00, 0x00, 0x00, 0x01, 0xFF, 0xFF, 0xFF}, DCM_RESULT_INVALID_ARGUMENT); // relay without forwarding
    Decode(DCM_DF_DIRECTED_CONTROL_SET, {0x00, 0x00, 0x02, 0x00, 0xFF, 0xFF, 0xFF}, DCM_RESULT_INVALID_ARGUMENT);
    Decode(DCM_DF_DIRECTED_CONTROL_SET, {0x00, 0x00, 0x01, 0x00, 0x05, 0xFF, 0xFF}, DCM_RESULT_INVALID_ARGUMENT);
    Decode(DCM_DF_DIRECTED_CONTROL_SET, {0x00, 0x10, 0x01, 0x00, 0xFF, 0xFF, 0xFF}, DCM_RESULT_INVALID_ARGUMENT); // NetKey index 4096
    Decode(DCM_DF_DIRECTED_CONTROL_SET, {0x00, 0x00, 0x01, 0x00, 0xFF, 0xFF}, DCM_RESULT_INVALID_ARGUMENT);
}

TEST(DirectedForwardingCodec, ForwardingTableAddReadsTheFlagsRangesAndBearers)
{
    // Two-way fixed path 0x0010 -> 0x0005 held by its origin: no bearer toward the origin, the advertising bearer toward the target.
    dcm_df_message_t message = Decode(DCM_DF_FORWARDING_TABLE_ADD, {0x00, 0x30, 0x20, 0x00, 0x0A, 0x00, 0x00, 0x00, 0x01, 0x00});
    EXPECT_EQ(0u, message.net_index);
    EXPECT_EQ(1u, message.unicast_destination);
    EXPECT_EQ(1u, message.backward_path_validated);
    EXPECT_EQ(0x0010u, message.path_origin.first);
    EXPECT_EQ(1u, message.path_origin.length);
    EXPECT_EQ(0x0005u, message.path_target.first);
    EXPECT_EQ(0x0000u, message.bearer_toward_origin);
    EXPECT_EQ(0x0001u, message.bearer_toward_target);

    dcm_df_message_t ranged = Decode(DCM_DF_FORWARDING_TABLE_ADD, {0x00, 0x10, 0x21, 0x00, 0x03, 0x0A, 0x00, 0x01, 0x00, 0x01, 0x00});
    EXPECT_EQ(3u, ranged.path_origin.length);
    EXPECT_EQ(0u, ranged.backward_path_validated);

    Decode(DCM_DF_FORWARDING_TABLE_ADD, {0x00, 0x70, 0x20, 0x00, 0x0A, 0x00, 0x00, 0x00, 0x01, 0x00}, DCM_RESULT_INVALID_ARGUMENT); // bit 14
    Decode(DCM_DF_FORWARDING_TABLE_ADD, {0x00, 0x30, 0x21, 0x00, 0x01, 0x0A, 0x00, 0x00, 0x00, 0x01, 0x00}, DCM_RESULT_INVALID_ARGUMENT); // length 1 present
    Decode(DCM_DF_FORWARDING_TABLE_ADD, {0x00, 0x30, 0x00, 0x00, 0x0A, 0x00, 0x00, 0x00, 0x01, 0x00}, DCM_RESULT_INVALID_ARGUMENT); // origin 0
    Decode(DCM_DF_FORWARDING_TABLE_ADD, {0x00, 0x30, 0x20, 0x00, 0x0A, 0x00, 0x00, 0x00, 0x01}, DCM_RESULT_INVALID_ARGUMENT); // cut short
    Decode(DCM_DF_FORWARDING_TABLE_ADD, {0x00, 0x20, 0x20, 0x00, 0x05, 0x00, 0x00, 0x00, 0x01, 0x00}, DCM_RESULT_INVALID_ARGUMENT); // group 0x0005
}

TEST(DirectedForwardingCodec, DependentsAddReadsEveryRangeAndRefusesTooMany)
{
    dcm_df_message_t message = Decode(DCM_DF_FORWARDING_TABLE_DEPS_ADD, {0x00, 0x00, 0x10, 0x00, 0x05, 0x00, 0x02, 0x00, 0x41, 0x00, 0x03, 0x60, 0x00});
    EXPECT_EQ(0x0010u, message.origin_address);
    EXPECT_EQ(0x0005u, message.destination);
    EXPECT_EQ(2u, message.dependent_origin_count);
    EXPECT_EQ(0u, message.dependent_target_count);
    EXPECT_EQ(0x0020u, message.dependents[0].first);
    EXPECT_EQ(3u, message.dependents[0].length);
    EXPECT_EQ(0x0030u, message.dependents[1].first);
    EXPECT_EQ(1u, message.dependents[1].length);

    Decode(DCM_DF_FORWARDING_TABLE_DEPS_ADD, {0x00, 0x00, 0x10, 0x00, 0x05, 0x00, 0x00, 0x00}, DCM_RESULT_INVALID_ARGUMENT); // no range
    Decode(DCM_DF_FORWARDING_TABLE_DEPS_ADD, {0x00, 0x00, 0x10, 0x00, 0x05, 0x00, 0x02, 0x00, 0x41, 0x00, 0x03}, DCM_RESULT_INVALID_ARGUMENT);
    std::vector<uint8_t> many = {0x00, 0x00, 0x10, 0x00, 0x05, 0x00, 65, 0x00};
    for (int i = 0; i < 65; i++)
    {
        many.push_back(static_cast<uint8_t>((0x20 + i * 2) << 1));
        many.push_back(static_cast<uint8_t>(((0x20 + i * 2) << 1) >> 8));
    }
    Decode(DCM_DF_FORWARDING_TABLE_DEPS_ADD, many, DCM_RESULT_INVALID_ARGUMENT);
    Decode(0x8201u, {0x00}, DCM_RESULT_INVALID_ARGUMENT);
}

TEST(DirectedForwardingCodec, StatusesGoBackInTheirOnAirFormat)
{
    dcm_df_message_t control = {};
    control.opcode = DCM_DF_DIRECTED_CONTROL_STATUS;
    control.net_index = 0;
    control.directed_forwarding = 1;
    control.directed_relay = 0;
    control.directed_proxy = 2;
    control.directed_proxy_use_default = 0xFF;
    control.directed_friend = 2;
    uint8_t out[16];
    ASSERT_EQ(8, dcm_df_encode_status(&control, out, sizeof out));
    EXPECT_EQ((std::vector<uint8_t>{0x00, 0x00, 0x00, 0x01, 0x00, 0x02, 0xFF, 0x02}), std::vector<uint8_t>(out, out + 8));

    dcm_df_message_t table = {};
    table.opcode = DCM_DF_FORWARDING_TABLE_DEPS_STATUS;
    table.status = 0x05; // Insufficient Resources
    table.origin_address = 0x0010;
    table.destination = 0x0005;
    ASSERT_EQ(7, dcm_df_encode_status(&table, out, sizeof out));
    EXPECT_EQ((std::vector<uint8_t>{0x05, 0x00, 0x00, 0x10, 0x00, 0x05, 0x00}), std::vector<uint8_t>(out, out + 7));
    EXPECT_EQ(-1, dcm_df_encode_status(&table, out, 6));
    EXPECT_EQ(DCM_DF_FORWARDING_TABLE_STATUS, dcm_df_status_opcode(DCM_DF_FORWARDING_TABLE_ADD));
    EXPECT_EQ(0xFFFFFFFFu, dcm_df_status_opcode(0x8027u));
}
