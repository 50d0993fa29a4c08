/*
 * The send tag of a unicast vendor message (a vendor reply, a unicast vendor request): "use directed" with "immutable
 * credentials", as ESP-IDF v5.5's directed forwarding example tags the messages it sends along a path
 * (examples/bluetooth/esp_ble_mesh/directed_forwarding/df_client/main/main.c). With such a tag the stack sends along a
 * directed path to the destination when the node holds one, and by managed flooding otherwise (ESP-IDF's directed
 * forwarding tutorial, §1.1.3; docs/directed-forwarding.md). A group destination never takes the tag: group requests keep
 * flooding. Only a build with the Directed Forwarding Configuration Server (CONFIG_BLE_MESH_DF_SRV) tags anything.
 *
 * Header-only, freestanding C11 (no C library).
 */
#ifndef DCM_DIRECTED_TAG_H
#define DCM_DIRECTED_TAG_H

#include <stdbool.h>
#include <stdint.h>

#include "dcm_address.h"

#ifdef __cplusplus
extern "C" {
#endif

/* esp_ble_mesh_msg_ctx_t.send_tag bits (ESP-IDF v5.5 esp_ble_mesh_defs.h: ESP_BLE_MESH_TAG_IMMUTABLE_CRED BIT(1),
 * ESP_BLE_MESH_TAG_USE_DIRECTED BIT(2)). */
#define DCM_TAG_IMMUTABLE_CRED 0x02u
#define DCM_TAG_USE_DIRECTED 0x04u

/* The send tag for a message to `destination` (0x0000-0xFFFF) from a build with (`directed_forwarding_built`) or without
 * the directed forwarding server: DCM_TAG_USE_DIRECTED | DCM_TAG_IMMUTABLE_CRED for a unicast destination in a build with
 * it, 0 otherwise (the stack's default choice of credentials). */
static inline uint8_t dcm_directed_send_tag(int32_t destination, bool directed_forwarding_built)
{
    return directed_forwarding_built && dcm_address_is_unicast(destination) ? (uint8_t)(DCM_TAG_USE_DIRECTED | DCM_TAG_IMMUTABLE_CRED) : 0u;
}

#ifdef __cplusplus
}
#endif

#endif
