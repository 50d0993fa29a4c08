/* Fake of ESP-IDF v5.5.4 v1.1/api/core/include/esp_ble_mesh_df_model_api.h (the parts the glue uses). */
#pragma once
#include "esp_ble_mesh_defs.h"
#ifdef __cplusplus
extern "C" {
#endif

#define ESP_BLE_MESH_MODEL_OP_DIRECTED_CONTROL_SET ESP_BLE_MESH_MODEL_OP_2(0x80, 0x7C)
#define ESP_BLE_MESH_MODEL_OP_DIRECTED_CONTROL_STATUS ESP_BLE_MESH_MODEL_OP_2(0x80, 0x7D)
#define ESP_BLE_MESH_MODEL_OP_FORWARDING_TABLE_ADD ESP_BLE_MESH_MODEL_OP_2(0x80, 0x84)
#define ESP_BLE_MESH_MODEL_OP_FORWARDING_TABLE_STATUS ESP_BLE_MESH_MODEL_OP_2(0x80, 0x86)
#define ESP_BLE_MESH_MODEL_OP_FORWARDING_TABLE_DEPS_ADD ESP_BLE_MESH_MODEL_OP_2(0x80, 0x87)
#define ESP_BLE_MESH_MODEL_OP_FORWARDING_TABLE_DEPS_STATUS ESP_BLE_MESH_MODEL_OP_2(0x80, 0x89)

#define ESP_BLE_MESH_PATH_DISC_INTERVAL_30_SEC 1
#define ESP_BLE_MESH_LANE_DISC_GUARD_INTERVAL_10_SEC 1

#define ESP_BLE_MESH_MODEL_DF_SRV(srv_data) ESP_BLE_MESH_SIG_MODEL(ESP_BLE_MESH_MODEL_ID_DF_SRV, NULL, NULL, srv_data)
#define ESP_BLE_MESH_MODEL_DF_CLI(cli_data) ESP_BLE_MESH_SIG_MODEL(ESP_BLE_MESH_MODEL_ID_DF_CLI, NULL, NULL, cli_data)

typedef struct
{
    esp_ble_mesh_model_t *model;
    uint8_t directed_net_transmit;
    uint8_t directed_relay_retransmit;
    int8_t default_rssi_threshold;
    uint8_t rssi_margin;
    uint16_t directed_node_paths;
    uint16_t directed_relay_paths;
    uint16_t directed_proxy_paths;
    uint16_t directed_friend_paths;
    uint16_t path_monitor_interval;
    uint16_t path_disc_retry_interval;
    uint8_t path_disc_interval : 1, lane_disc_guard_interval : 1;
    uint8_t directed_ctl_net_transmit;
    uint8_t directed_ctl_relay_retransmit;
} esp_ble_mesh_df_srv_t;

typedef struct
{
    uint16_t net_idx;
    uint8_t directed_forwarding;
    uint8_t directed_relay;
    uint8_t directed_proxy;
    uint8_t directed_proxy_use_default;
    uint8_t directed_friend;
} esp_ble_mesh_directed_control_set_t;

typedef struct
{
    uint16_t net_idx : 12, unicast_dst : 1, bw_path_validated : 1;
    esp_ble_mesh_uar_t path_origin;
    union
    {
        esp_ble_mesh_uar_t path_target;
        uint16_t multicast_dst;
    };
    uint16_t bearer_twd_path_origin;
    uint16_t bearer_twd_path_target;
} esp_ble_mesh_forwarding_table_add_t;

typedef struct
{
    uint16_t net_idx;
    uint16_t path_origin;
    uint16_t dst;
    uint8_t dep_origin_uar_list_size;
    uint8_t dep_target_uar_list_size;
    esp_ble_mesh_uar_t *dep_origin_uar_list;
    esp_ble_mesh_uar_t *dep_target_uar_list;
} esp_ble_mesh_forwarding_table_deps_add_t;

/* omitted: the other set messages of the union */
typedef union
{
    esp_ble_mesh_directed_control_set_t directed_control_set;
    esp_ble_mesh_forwarding_table_add_t forwarding_table_add;
    esp_ble_mesh_forwarding_table_deps_add_t forwarding_table_deps_add;
} esp_ble_mesh_df_client_set_t;

typedef struct
{
    uint8_t status;
    uint16_t net_idx;
    uint8_t directed_forwarding;
    uint8_t directed_relay;
    uint8_t directed_proxy;
    uint8_t directed_proxy_use_default;
    uint8_t directed_friend;
} esp_ble_mesh_directed_control_status_t;

typedef struct
{
    uint8_t status;
    uint16_t net_idx;
    uint16_t path_origin;
    uint16_t dst;
} esp_ble_mesh_forwarding_table_status_t;

typedef struct
{
    uint8_t status;
    uint16_t net_idx;
    uint16_t path_origin;
    uint16_t dst;
} esp_ble_mesh_forwarding_table_deps_status_t;

typedef struct
{
    int err_code;
} esp_ble_mesh_df_client_send_cb_t;

/* omitted: the other status messages of the union */
typedef union
{
    esp_ble_mesh_directed_control_status_t directed_control_status;
    esp_ble_mesh_forwarding_table_status_t forwarding_table_status;
    esp_ble_mesh_forwarding_table_deps_status_t forwarding_table_deps_status;
} esp_ble_mesh_df_client_recv_cb_t;

typedef struct
{
    esp_ble_mesh_client_common_param_t *params;
    union
    {
        esp_ble_mesh_df_client_send_cb_t send;
        esp_ble_mesh_df_client_recv_cb_t recv;
    };
} esp_ble_mesh_df_client_cb_param_t;

typedef enum
{
    ESP_BLE_MESH_DF_CLIENT_SEND_COMP_EVT,
    ESP_BLE_MESH_DF_CLIENT_SEND_TIMEOUT_EVT,
    ESP_BLE_MESH_DF_CLIENT_RECV_GET_RSP_EVT,
    ESP_BLE_MESH_DF_CLIENT_RECV_SET_RSP_EVT,
    ESP_BLE_MESH_DF_CLIENT_RECV_PUB_EVT,
    ESP_BLE_MESH_DF_CLIENT_EVT_MAX,
} esp_ble_mesh_df_client_cb_event_t;

typedef void (* esp_ble_mesh_df_client_cb_t)(esp_ble_mesh_df_client_cb_event_t event,
                                             esp_ble_mesh_df_client_cb_param_t *param);

esp_err_t esp_ble_mesh_register_df_client_callback(esp_ble_mesh_df_client_cb_t callback);

esp_err_t esp_ble_mesh_df_client_set_state(esp_ble_mesh_client_common_param_t *params,
                                           esp_ble_mesh_df_client_set_t *set);

#ifdef __cplusplus
}
#endif
