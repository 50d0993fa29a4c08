/* Fake of ESP-IDF v5.5.4 esp_ble_mesh_config_model_api.h (the parts the glue uses; union members it never sets omitted). */
#pragma once
#include "esp_ble_mesh_defs.h"
#ifdef __cplusplus
extern "C" {
#endif
#define ESP_BLE_MESH_MODEL_CFG_SRV(srv_data) ESP_BLE_MESH_SIG_MODEL(ESP_BLE_MESH_MODEL_ID_CONFIG_SRV, NULL, NULL, srv_data)
#define ESP_BLE_MESH_MODEL_CFG_CLI(cli_data) ESP_BLE_MESH_SIG_MODEL(ESP_BLE_MESH_MODEL_ID_CONFIG_CLI, NULL, NULL, cli_data)

typedef struct
{
    esp_ble_mesh_model_t *model;
    uint8_t net_transmit;
    uint8_t relay;
    uint8_t relay_retransmit;
    uint8_t beacon;
    uint8_t gatt_proxy;
    uint8_t friend_state;
    uint8_t default_ttl;
    struct
    {
        struct k_delayed_work timer;
        uint16_t dst;
        uint16_t count;
        uint8_t period;
        uint8_t ttl;
        uint16_t feature;
        uint16_t net_idx;
    } heartbeat_pub;
    struct
    {
        int64_t expiry;
        uint16_t src;
        uint16_t dst;
        uint16_t count;
        uint8_t min_hops;
        uint8_t max_hops;
        esp_ble_mesh_cb_t heartbeat_recv_cb;
    } heartbeat_sub;
} esp_ble_mesh_cfg_srv_t;

typedef struct { uint8_t page; } esp_ble_mesh_cfg_composition_data_get_t;
typedef struct { uint8_t ttl; } esp_ble_mesh_cfg_default_ttl_set_t;
typedef struct { uint8_t relay; uint8_t relay_retransmit; } esp_ble_mesh_cfg_relay_set_t;
typedef struct { uint16_t net_idx; uint16_t app_idx; uint8_t app_key[16]; } esp_ble_mesh_cfg_app_key_add_t;
typedef struct { uint16_t element_addr; uint16_t model_app_idx; uint16_t model_id; uint16_t company_id; } esp_ble_mesh_cfg_model_app_bind_t;
typedef struct
{
    uint16_t element_addr;
    uint16_t publish_addr;
    uint16_t publish_app_idx;
    bool cred_flag;
    uint8_t publish_ttl;
    uint8_t publish_period;
    uint8_t publish_retransmit;
    uint16_t model_id;
    uint16_t company_id;
} esp_ble_mesh_cfg_model_pub_set_t;
typedef struct { uint16_t element_addr; uint16_t sub_addr; uint16_t model_id; uint16_t company_id; } esp_ble_mesh_cfg_model_sub_add_t;
typedef struct
{
    uint16_t dst;
    uint8_t count;
    uint8_t period;
    uint8_t ttl;
    uint16_t feature;
    uint16_t net_idx;
} esp_ble_mesh_cfg_heartbeat_pub_set_t;
typedef struct { uint16_t src; uint16_t dst; uint8_t period; } esp_ble_mesh_cfg_heartbeat_sub_set_t;

typedef union
{
    esp_ble_mesh_cfg_composition_data_get_t comp_data_get;
    /* other members omitted */
} esp_ble_mesh_cfg_client_get_state_t;

typedef union
{
    esp_ble_mesh_cfg_default_ttl_set_t default_ttl_set;
    esp_ble_mesh_cfg_relay_set_t relay_set;
    esp_ble_mesh_cfg_app_key_add_t app_key_add;
    esp_ble_mesh_cfg_model_app_bind_t model_app_bind;
    esp_ble_mesh_cfg_model_pub_set_t model_pub_set;
    esp_ble_mesh_cfg_model_sub_add_t model_sub_add;
    esp_ble_mesh_cfg_heartbeat_pub_set_t heartbeat_pub_set;
    esp_ble_mesh_cfg_heartbeat_sub_set_t heartbeat_sub_set;
    /* other members omitted */
} esp_ble_mesh_cfg_client_set_state_t;

typedef struct { uint8_t page; struct net_buf_simple *composition_data; } esp_ble_mesh_cfg_comp_data_status_cb_t;
typedef struct { uint8_t default_ttl; } esp_ble_mesh_cfg_default_ttl_status_cb_t;
typedef struct { uint8_t relay; uint8_t retransmit; } esp_ble_mesh_cfg_relay_status_cb_t;
typedef struct
{
    uint8_t status;
    uint16_t element_addr;
    uint16_t publish_addr;
    uint16_t app_idx;
    bool cred_flag;
    uint8_t ttl;
    uint8_t period;
    uint8_t transmit;
    uint16_t company_id;
    uint16_t model_id;
} esp_ble_mesh_cfg_model_pub_status_cb_t;
typedef struct { uint8_t status; uint16_t element_addr; uint16_t sub_addr; uint16_t company_id; uint16_t model_id; } esp_ble_mesh_cfg_model_sub_status_cb_t;
typedef struct { uint8_t status; uint16_t net_idx; uint16_t app_idx; } esp_ble_mesh_cfg_app_key_status_cb_t;
typedef struct { uint8_t status; uint16_t element_addr; uint16_t app_idx; uint16_t company_id; uint16_t model_id; } esp_ble_mesh_cfg_mod_app_status_cb_t;
typedef struct
{
    uint8_t status;
    uint16_t dst;
    uint8_t count;
    uint8_t period;
    uint8_t ttl;
    uint16_t features;
    uint16_t net_idx;
} esp_ble_mesh_cfg_hb_pub_status_cb_t;
typedef struct
{
    uint8_t status;
    uint16_t src;
    uint16_t dst;
    uint8_t period;
    uint8_t count;
    uint8_t min_hops;
    uint8_t max_hops;
} esp_ble_mesh_cfg_hb_sub_status_cb_t;

typedef union
{
    esp_ble_mesh_cfg_comp_data_status_cb_t comp_data_status;
    esp_ble_mesh_cfg_default_ttl_status_cb_t default_ttl_status;
    esp_ble_mesh_cfg_relay_status_cb_t relay_status;
    esp_ble_mesh_cfg_model_pub_status_cb_t model_pub_status;
    esp_ble_mesh_cfg_model_sub_status_cb_t model_sub_status;
    esp_ble_mesh_cfg_app_key_status_cb_t appkey_status;
    esp_ble_mesh_cfg_mod_app_status_cb_t model_app_status;
    esp_ble_mesh_cfg_hb_pub_status_cb_t heartbeat_pub_status;
    esp_ble_mesh_cfg_hb_sub_status_cb_t heartbeat_sub_status;
    /* other members omitted */
} esp_ble_mesh_cfg_client_common_cb_param_t;

typedef struct
{
    int error_code;
    esp_ble_mesh_client_common_param_t *params;
    esp_ble_mesh_cfg_client_common_cb_param_t status_cb;
} esp_ble_mesh_cfg_client_cb_param_t;

typedef enum
{
    ESP_BLE_MESH_CFG_CLIENT_GET_STATE_EVT,
    ESP_BLE_MESH_CFG_CLIENT_SET_STATE_EVT,
    ESP_BLE_MESH_CFG_CLIENT_PUBLISH_EVT,
    ESP_BLE_MESH_CFG_CLIENT_TIMEOUT_EVT,
    ESP_BLE_MESH_CFG_CLIENT_EVT_MAX,
} esp_ble_mesh_cfg_client_cb_event_t;

typedef enum
{
    ESP_BLE_MESH_CFG_SERVER_STATE_CHANGE_EVT,
    ESP_BLE_MESH_CFG_SERVER_EVT_MAX,
} esp_ble_mesh_cfg_server_cb_event_t;

typedef struct { uint16_t element_addr; uint16_t sub_addr; uint16_t company_id; uint16_t model_id; } esp_ble_mesh_state_change_cfg_model_sub_add_t;
typedef struct { uint16_t net_idx; uint16_t app_idx; uint8_t app_key[16]; } esp_ble_mesh_state_change_cfg_appkey_add_t;
typedef struct { uint16_t element_addr; uint16_t app_idx; uint16_t company_id; uint16_t model_id; } esp_ble_mesh_state_change_cfg_model_app_bind_t;
typedef union
{
    esp_ble_mesh_state_change_cfg_model_sub_add_t mod_sub_add;
    esp_ble_mesh_state_change_cfg_appkey_add_t appkey_add;
    esp_ble_mesh_state_change_cfg_model_app_bind_t mod_app_bind;
    /* other members omitted */
} esp_ble_mesh_cfg_server_state_change_t;
typedef union
{
    esp_ble_mesh_cfg_server_state_change_t state_change;
} esp_ble_mesh_cfg_server_cb_value_t;
typedef struct
{
    esp_ble_mesh_model_t *model;
    esp_ble_mesh_msg_ctx_t ctx;
    esp_ble_mesh_cfg_server_cb_value_t value;
} esp_ble_mesh_cfg_server_cb_param_t;

typedef void (*esp_ble_mesh_cfg_client_cb_t)(esp_ble_mesh_cfg_client_cb_event_t event, esp_ble_mesh_cfg_client_cb_param_t *param);
typedef void (*esp_ble_mesh_cfg_server_cb_t)(esp_ble_mesh_cfg_server_cb_event_t event, esp_ble_mesh_cfg_server_cb_param_t *param);
esp_err_t esp_ble_mesh_register_config_client_callback(esp_ble_mesh_cfg_client_cb_t callback);
esp_err_t esp_ble_mesh_register_config_server_callback(esp_ble_mesh_cfg_server_cb_t callback);
esp_err_t esp_ble_mesh_config_client_get_state(esp_ble_mesh_client_common_param_t *params, esp_ble_mesh_cfg_client_get_state_t *get_state);
esp_err_t esp_ble_mesh_config_client_set_state(esp_ble_mesh_client_common_param_t *params, esp_ble_mesh_cfg_client_set_state_t *set_state);
#ifdef __cplusplus
}
#endif
