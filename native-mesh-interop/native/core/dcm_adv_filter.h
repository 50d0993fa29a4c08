/*
 * Recognises a BM6-family battery monitor in an advertising report (issue 18; docs/battery-monitor.md "Native central"):
 * its complete or shortened local name ends in "BM2", "BM6" or "BM7", or a complete or incomplete list of 16-bit
 * service UUIDs holds 0xFFF0 (the monitor's service). Advertising data is the Core spec's AD structure list
 * (Vol 3 Part C §11: length, type, data; a zero length ends it). Plain C11, no C library; no state.
 */
#ifndef DCM_ADV_FILTER_H
#define DCM_ADV_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The battery monitor's GATT service (0xFFF0), its write characteristic (0xFFF3) and notify characteristic (0xFFF4). */
#define DCM_BATTERY_SERVICE_UUID 0xFFF0u
#define DCM_BATTERY_WRITE_UUID 0xFFF3u
#define DCM_BATTERY_NOTIFY_UUID 0xFFF4u

/* Longest name kept from an advert, bytes (a legacy advert carries at most 31 bytes of data, 29 of them a name). */
#define DCM_ADV_NAME_MAX 29u

/* Outcome of dcm_adv_filter_match. */
typedef struct
{
    bool matches;          /* a battery monitor by name or service */
    uint8_t name_length;   /* bytes of `name` (0: no name advertised) */
    uint8_t name[DCM_ADV_NAME_MAX];
} dcm_adv_match_t;

/* Reads the AD structures of `data` (`length` bytes; NULL with 0 is an empty advert) into `match`. A structure whose
 * length runs past the end stops the reading (what came before still counts). */
void dcm_adv_filter_match(const uint8_t *data, size_t length, dcm_adv_match_t *match);

#ifdef __cplusplus
}
#endif

#endif /* DCM_ADV_FILTER_H */
