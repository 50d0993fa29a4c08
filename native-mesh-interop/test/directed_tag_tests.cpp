// The send tag of unicast vendor messages in a build with directed forwarding (dcm_directed_tag.h).
#include <gtest/gtest.h>

extern "C" {
#include "dcm_directed_tag.h"
}

TEST(DirectedTag, AUnicastMessageUsesDirectedWithImmutableCredentialsInADirectedForwardingBuild)
{
    EXPECT_EQ(0x06, dcm_directed_send_tag(0x0005, true)); // ESP_BLE_MESH_TAG_USE_DIRECTED | ESP_BLE_MESH_TAG_IMMUTABLE_CRED
    EXPECT_EQ(0x06, dcm_directed_send_tag(0x7FFF, true));
}

TEST(DirectedTag, GroupsAndOtherAddressesKeepTheDefaultCredentials)
{
    EXPECT_EQ(0, dcm_directed_send_tag(0xC000, true)); // ALL: the request floods
    EXPECT_EQ(0, dcm_directed_send_tag(0x8000, true)); // a virtual address
    EXPECT_EQ(0, dcm_directed_send_tag(0x0000, true));
}

TEST(DirectedTag, ABuildWithoutDirectedForwardingTagsNothing)
{
    EXPECT_EQ(0, dcm_directed_send_tag(0x0005, false));
}
