/* Fake of NimBLE (ESP-IDF v5.5.4) nimble/host/store/config/include/store/config/ble_store_config.h (the part the glue uses). */
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
void ble_store_config_init(void);
#ifdef __cplusplus
}
#endif
