/* Fake of ESP-IDF v5.5.4 esp_ble_mesh_local_data_operation_api.h (the parts the glue uses). */
#pragma once
#include "esp_ble_mesh_defs.h"
#ifdef __cplusplus
extern "C" {
#endif
uint16_t esp_ble_mesh_get_primary_element_address(void);
esp_err_t esp_ble_mesh_enable_directed_forwarding(uint16_t net_idx, bool directed_forwarding,
                                                  bool directed_forwarding_relay);
#ifdef __cplusplus
}
#endif
