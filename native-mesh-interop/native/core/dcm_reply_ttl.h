/*
 * The TTL of a vendor server's reply, scoped to the hops its request took, so that relays stop forwarding the reply
 * beyond the requester's distance instead of flooding the whole mesh (issue 15 part 6, docs/airtime-benchmark.md).
 *
 * Every relay forwards a network PDU with TTL - 1 and only when the TTL it received is 2 or more (Mesh Profile 1.0.1
 * §3.4.6.3). A request sent with TTL T and received with TTL r therefore crossed hops = T - r + 1 radio hops (r = T: heard
 * directly, one hop). A reply with TTL t crosses t radio hops at most, so t = hops reaches the requester over the same
 * number of hops; the reply takes one hop of margin for an asymmetric path: t = hops + 1.
 *
 * T is DCM_REQUEST_TTL, the TTL the gateway sends every vendor request with (MeshGatewayAdapter.VendorTtl; Mesh Profile
 * §4.2.7: 7 is also the usual Default TTL). A received TTL above it means the request came from a sender with a larger
 * TTL: the hops are unknown and the reply keeps the node's Default TTL, as does a reply whose scoped TTL would not be
 * below DCM_REQUEST_TTL (never above the default). A requester with a TTL below 7 only makes the reply's TTL larger
 * than needed, never too small.
 *
 * Header-only, freestanding C11 (no C library).
 */
#ifndef DCM_REPLY_TTL_H
#define DCM_REPLY_TTL_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* TTL of the gateway's vendor requests (MeshGatewayAdapter.VendorTtl, the emulated AccessLayer's RequestTtl). */
#define DCM_REQUEST_TTL 7u

/* "Use the node's Default TTL" (Mesh Profile §3.7.4.1; the value of ESP_BLE_MESH_TTL_DEFAULT and BT_MESH_TTL_DEFAULT). */
#define DCM_REPLY_TTL_DEFAULT 0xFFu

/* The reply TTL for a request received with TTL `received_ttl` (0-127): hops + 1 where hops = DCM_REQUEST_TTL -
 * received_ttl + 1, so 2 for a request heard directly; DCM_REPLY_TTL_DEFAULT when that is not below DCM_REQUEST_TTL or
 * the received TTL is above DCM_REQUEST_TTL. */
static inline uint8_t dcm_reply_ttl(uint8_t received_ttl)
{
    if (received_ttl > DCM_REQUEST_TTL)
    {
        return DCM_REPLY_TTL_DEFAULT;
    }
    uint32_t hops = DCM_REQUEST_TTL - received_ttl + 1u;
    uint32_t scoped = hops + 1u;
    return scoped < DCM_REQUEST_TTL ? (uint8_t)scoped : DCM_REPLY_TTL_DEFAULT;
}

#ifdef __cplusplus
}
#endif

#endif /* DCM_REPLY_TTL_H */
