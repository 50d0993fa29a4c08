/* Fake of NimBLE (ESP-IDF v5.5.4) nimble/host/services/gap/include/services/gap/ble_svc_gap.h (the part the glue uses). */
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
int ble_svc_gap_device_name_set(const char *name);
#ifdef __cplusplus
}
#endif
