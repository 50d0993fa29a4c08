// Address classes of dcm_address.h at the edges of the Mesh Profile ranges: unassigned 0x0000, unicast 0x0001-0x7FFF,
// virtual 0x8000-0xBFFF, group 0xC000-0xFFFF; values outside 16 bits (a managed int not yet checked) are no address.
#include <gtest/gtest.h>

#include <cstdint>

extern "C" {
#include "dcm_address.h"
}

TEST(Address, UnicastIsExactly0001To7FFF)
{
    EXPECT_FALSE(dcm_address_is_unicast(0x0000)); // unassigned
    EXPECT_TRUE(dcm_address_is_unicast(0x0001));
    EXPECT_TRUE(dcm_address_is_unicast(0x7FFF));
    EXPECT_FALSE(dcm_address_is_unicast(0x8000)); // first virtual
    EXPECT_FALSE(dcm_address_is_unicast(0xBFFF)); // last virtual
    EXPECT_FALSE(dcm_address_is_unicast(0xC000)); // first group
    EXPECT_FALSE(dcm_address_is_unicast(0xFFFF)); // all-nodes
}

TEST(Address, GroupIsExactlyC000ToFFFF)
{
    EXPECT_FALSE(dcm_address_is_group(0x0000));
    EXPECT_FALSE(dcm_address_is_group(0x0001));
    EXPECT_FALSE(dcm_address_is_group(0x7FFF));
    EXPECT_FALSE(dcm_address_is_group(0x8000)); // virtual addresses are not groups
    EXPECT_FALSE(dcm_address_is_group(0xBFFF));
    EXPECT_TRUE(dcm_address_is_group(0xC000));
    EXPECT_TRUE(dcm_address_is_group(0xFEFF));
    EXPECT_TRUE(dcm_address_is_group(0xFF00)); // fixed groups are groups
    EXPECT_TRUE(dcm_address_is_group(0xFFFF));
}

TEST(Address, ValuesOutside16BitsAreNoAddress)
{
    EXPECT_FALSE(dcm_address_is_unicast(-1));
    EXPECT_FALSE(dcm_address_is_unicast(INT32_MIN));
    EXPECT_FALSE(dcm_address_is_unicast(0x10001)); // would be unicast 0x0001 if truncated
    EXPECT_FALSE(dcm_address_is_group(-1));
    EXPECT_FALSE(dcm_address_is_group(0x10000));
    EXPECT_FALSE(dcm_address_is_group(0x1C000)); // would be group 0xC000 if truncated
    EXPECT_FALSE(dcm_address_is_group(INT32_MAX));
}

TEST(Address, AUint16AddressWidensWithoutChangingItsClass)
{
    const uint16_t unicast = 0x7FFFu;
    const uint16_t group = 0xC000u;
    const uint16_t virtual_address = 0xBFFFu;
    EXPECT_TRUE(dcm_address_is_unicast(unicast));
    EXPECT_TRUE(dcm_address_is_group(group));
    EXPECT_FALSE(dcm_address_is_unicast(virtual_address));
    EXPECT_FALSE(dcm_address_is_group(virtual_address));
}
