/* Fake of ESP-IDF v5.5.4 esp_ble_mesh_ble_api.h (the parts the glue uses). */
#pragma once
#include "esp_ble_mesh_defs.h"
#ifdef __cplusplus
extern "C" {
#endif
#define ESP_BLE_MESH_BLE_ADV_INFINITE 0xFFFF
typedef enum
{
    ESP_BLE_MESH_BLE_ADV_PRIO_LOW,
    ESP_BLE_MESH_BLE_ADV_PRIO_HIGH,
} esp_ble_mesh_ble_adv_priority_t;
typedef struct
{
    uint16_t interval;
    uint8_t adv_type;
    uint8_t own_addr_type;
    uint8_t peer_addr_type;
    uint8_t peer_addr[BD_ADDR_LEN];
    uint16_t duration;
    uint16_t period;
    uint16_t count;
    uint8_t priority : 2;
} esp_ble_mesh_ble_adv_param_t;
typedef struct
{
    uint8_t adv_data_len;
    uint8_t adv_data[31];
    uint8_t scan_rsp_data_len;
    uint8_t scan_rsp_data[31];
} esp_ble_mesh_ble_adv_data_t;
esp_err_t esp_ble_mesh_start_ble_advertising(const esp_ble_mesh_ble_adv_param_t *param, const esp_ble_mesh_ble_adv_data_t *data);
#ifdef __cplusplus
}
#endif
