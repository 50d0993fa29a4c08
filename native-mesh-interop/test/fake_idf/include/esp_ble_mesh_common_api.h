/* Fake of ESP-IDF v5.5.4 esp_ble_mesh_common_api.h (the parts the glue uses). */
#pragma once
#include "esp_ble_mesh_defs.h"
#ifdef __cplusplus
extern "C" {
#endif
esp_err_t esp_ble_mesh_init(esp_ble_mesh_prov_t *prov, esp_ble_mesh_comp_t *comp);
#ifdef __cplusplus
}
#endif
