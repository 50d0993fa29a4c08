// The battery monitor advert filter (core/dcm_adv_filter.c): name BM2/BM6/BM7 or service 0xFFF0, names kept, malformed
// AD structures never read past the end.
#include <gtest/gtest.h>

#include <vector>

extern "C" {
#include "dcm_adv_filter.h"
}

namespace
{
dcm_adv_match_t Match(const std::vector<uint8_t> &data)
{
    dcm_adv_match_t match;
    dcm_adv_filter_match(data.data(), data.size(), &match);
    return match;
}
} // namespace

TEST(AdvFilter, ABm6ByItsCompleteNameIsRecognisedAndNamed)
{
    dcm_adv_match_t match = Match({2, 0x01, 0x06, 4, 0x09, 'B', 'M', '6'});
    EXPECT_TRUE(match.matches);
    ASSERT_EQ(3, match.name_length);
    EXPECT_EQ('6', match.name[2]);
}

TEST(AdvFilter, Bm2AndBm7AndAPrefixedShortenedNameMatch)
{
    EXPECT_TRUE(Match({4, 0x09, 'B', 'M', '2'}).matches);
    EXPECT_TRUE(Match({4, 0x09, 'B', 'M', '7'}).matches);
    EXPECT_TRUE(Match({8, 0x08, 'B', 'a', 't', '-', 'B', 'M', '6'}).matches);
}

TEST(AdvFilter, OtherNamesDoNotMatch)
{
    EXPECT_FALSE(Match({4, 0x09, 'B', 'M', '5'}).matches);
    EXPECT_FALSE(Match({5, 0x09, 'B', 'M', '6', 'x'}).matches);
    EXPECT_FALSE(Match({11, 0x09, 'D', 'C', '-', 'M', 'o', 'n', 'i', 't', 'o', 'r'}).matches);
}

TEST(AdvFilter, TheServiceInA16BitListMatchesWithoutAName)
{
    dcm_adv_match_t complete = Match({5, 0x03, 0x0F, 0x18, 0xF0, 0xFF});
    EXPECT_TRUE(complete.matches);
    EXPECT_EQ(0, complete.name_length);
    EXPECT_TRUE(Match({3, 0x02, 0xF0, 0xFF}).matches);
    EXPECT_FALSE(Match({3, 0x03, 0x01, 0xDC}).matches);
}

TEST(AdvFilter, AStructureRunningPastTheEndStopsTheReading)
{
    EXPECT_FALSE(Match({9, 0x09, 'B', 'M', '6'}).matches); // claims 9 bytes, has 4
    EXPECT_TRUE(Match({4, 0x09, 'B', 'M', '6', 7, 0x03}).matches); // what came before counts
    EXPECT_FALSE(Match({0, 4, 0x09, 'B', 'M', '6'}).matches);       // a zero length ends the data
    dcm_adv_match_t empty;
    dcm_adv_filter_match(nullptr, 0, &empty);
    EXPECT_FALSE(empty.matches);
}
