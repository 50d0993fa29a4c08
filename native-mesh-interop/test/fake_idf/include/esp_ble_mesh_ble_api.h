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
/* CONFIG_BLE_MESH_SUPPORT_BLE_SCAN: the mesh scanner's non-mesh adverts. */
typedef enum
{
    ESP_BLE_MESH_START_BLE_ADVERTISING_COMP_EVT,
    ESP_BLE_MESH_STOP_BLE_ADVERTISING_COMP_EVT,
    ESP_BLE_MESH_START_BLE_SCANNING_COMP_EVT,
    ESP_BLE_MESH_STOP_BLE_SCANNING_COMP_EVT,
    ESP_BLE_MESH_SCAN_BLE_ADVERTISING_PKT_EVT,
    ESP_BLE_MESH_SCAN_PARAMS_UPDATE_COMP_EVT, /* the configuration-dependent members after it and the count sentinel are omitted */
} esp_ble_mesh_ble_cb_event_t;
typedef union
{
    struct
    {
        uint8_t addr[6];
        uint8_t addr_type;
        uint8_t adv_type;
        uint8_t *data;
        uint16_t length;
        int8_t rssi;
    } scan_ble_adv_pkt;
    /* the completion events' members omitted */
} esp_ble_mesh_ble_cb_param_t;
typedef void (*esp_ble_mesh_ble_cb_t)(esp_ble_mesh_ble_cb_event_t event, esp_ble_mesh_ble_cb_param_t *param);
esp_err_t esp_ble_mesh_register_ble_callback(esp_ble_mesh_ble_cb_t callback);
typedef struct
{
    uint32_t duration;
} esp_ble_mesh_ble_scan_param_t;
esp_err_t esp_ble_mesh_start_ble_scanning(esp_ble_mesh_ble_scan_param_t *param);
esp_err_t esp_ble_mesh_stop_ble_scanning(void);
#ifdef __cplusplus
}
#endif
