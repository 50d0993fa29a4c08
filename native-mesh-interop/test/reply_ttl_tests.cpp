// The reply TTL scoped to the hops a TTL-7 request took (dcm_reply_ttl.h): hops + 1, never at or above the request's TTL.
#include <gtest/gtest.h>

extern "C" {
#include "dcm_reply_ttl.h"
}

TEST(ReplyTtl, ARequestHeardDirectlyIsAnsweredWithTwoHops)
{
    EXPECT_EQ(2, dcm_reply_ttl(DCM_REQUEST_TTL));
}

TEST(ReplyTtl, EachRelayedHopAddsOneToTheReplysTtl)
{
    EXPECT_EQ(3, dcm_reply_ttl(6)); // one relay: two hops
    EXPECT_EQ(4, dcm_reply_ttl(5));
    EXPECT_EQ(5, dcm_reply_ttl(4));
    EXPECT_EQ(6, dcm_reply_ttl(3));
}

TEST(ReplyTtl, AReplyAsFarAsTheRequestsTtlKeepsTheDefault)
{
    EXPECT_EQ(DCM_REPLY_TTL_DEFAULT, dcm_reply_ttl(2)); // six hops: 7 would not be below the request's TTL
    EXPECT_EQ(DCM_REPLY_TTL_DEFAULT, dcm_reply_ttl(1));
    EXPECT_EQ(DCM_REPLY_TTL_DEFAULT, dcm_reply_ttl(0)); // a TTL-0 sender's request: its TTL is not the gateway's
}

TEST(ReplyTtl, ARequestSentWithALargerTtlKeepsTheDefault)
{
    EXPECT_EQ(DCM_REPLY_TTL_DEFAULT, dcm_reply_ttl(8));
    EXPECT_EQ(DCM_REPLY_TTL_DEFAULT, dcm_reply_ttl(127));
}
