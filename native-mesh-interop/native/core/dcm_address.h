/*
 * BLE Mesh address classes (Mesh Profile 1.0.1 §3.4.2), shared by the core and the ESP-IDF glue:
 *
 *   0x0000           unassigned
 *   0x0001-0x7FFF    unicast (one element)
 *   0x8000-0xBFFF    virtual (a label UUID's hash)
 *   0xC000-0xFFFF    group (the fixed groups 0xFF00-0xFFFF included)
 *
 * The parameter is int32_t so that both a uint16_t address (widened without a conversion) and a managed int that has
 * not been range-checked yet can be classified: a value outside 0x0000-0xFFFF is no address and belongs to no class.
 * Header-only, freestanding C11 (no C library).
 */
#ifndef DCM_ADDRESS_H
#define DCM_ADDRESS_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* True for a unicast address, 0x0001-0x7FFF. */
static inline bool dcm_address_is_unicast(int32_t address)
{
    return address >= 0x0001 && address <= 0x7FFF;
}

/* True for a group address, 0xC000-0xFFFF; virtual addresses (0x8000-0xBFFF) are not groups. */
static inline bool dcm_address_is_group(int32_t address)
{
    return address >= 0xC000 && address <= 0xFFFF;
}

#ifdef __cplusplus
}
#endif

#endif /* DCM_ADDRESS_H */
