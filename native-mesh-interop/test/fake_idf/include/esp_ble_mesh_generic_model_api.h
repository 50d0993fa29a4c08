/* Fake of ESP-IDF v5.5.4 esp_ble_mesh_generic_model_api.h (the parts the glue uses; union members it never reads omitted). */
#pragma once
#include "esp_ble_mesh_defs.h"
#ifdef __cplusplus
extern "C" {
#endif
#define ESP_BLE_MESH_MODEL_GEN_ONOFF_CLI(cli_pub, cli_data) ESP_BLE_MESH_SIG_MODEL(ESP_BLE_MESH_MODEL_ID_GEN_ONOFF_CLI, NULL, cli_pub, cli_data)
#define ESP_BLE_MESH_MODEL_GEN_ONOFF_SRV(srv_pub, srv_data) ESP_BLE_MESH_SIG_MODEL(ESP_BLE_MESH_MODEL_ID_GEN_ONOFF_SRV, NULL, srv_pub, srv_data)

typedef struct
{
    bool op_en;
    uint8_t onoff;
    uint8_t tid;
    uint8_t trans_time;
    uint8_t delay;
} esp_ble_mesh_gen_onoff_set_t;

typedef union
{
    esp_ble_mesh_gen_onoff_set_t onoff_set;
    /* other members omitted */
} esp_ble_mesh_generic_client_set_state_t;

typedef struct
{
    bool op_en;
    uint8_t present_onoff;
    uint8_t target_onoff;
    uint8_t remain_time;
} esp_ble_mesh_gen_onoff_status_cb_t;

typedef union
{
    esp_ble_mesh_gen_onoff_status_cb_t onoff_status;
    /* other members omitted */
} esp_ble_mesh_gen_client_status_cb_t;

typedef struct
{
    int error_code;
    esp_ble_mesh_client_common_param_t *params;
    esp_ble_mesh_gen_client_status_cb_t status_cb;
} esp_ble_mesh_generic_client_cb_param_t;

typedef enum
{
    ESP_BLE_MESH_GENERIC_CLIENT_GET_STATE_EVT,
    ESP_BLE_MESH_GENERIC_CLIENT_SET_STATE_EVT,
    ESP_BLE_MESH_GENERIC_CLIENT_PUBLISH_EVT,
    ESP_BLE_MESH_GENERIC_CLIENT_TIMEOUT_EVT,
    ESP_BLE_MESH_GENERIC_CLIENT_EVT_MAX,
} esp_ble_mesh_generic_client_cb_event_t;

typedef struct
{
    uint8_t onoff;
    uint8_t target_onoff;
} esp_ble_mesh_gen_onoff_state_t;

typedef struct
{
    esp_ble_mesh_model_t *model;
    esp_ble_mesh_server_rsp_ctrl_t rsp_ctrl;
    esp_ble_mesh_gen_onoff_state_t state;
    esp_ble_mesh_last_msg_info_t last;
    esp_ble_mesh_state_transition_t transition;
} esp_ble_mesh_gen_onoff_srv_t;

typedef struct { uint8_t onoff; } esp_ble_mesh_state_change_gen_onoff_set_t;
typedef union
{
    esp_ble_mesh_state_change_gen_onoff_set_t onoff_set;
    /* other members omitted */
} esp_ble_mesh_generic_server_state_change_t;

typedef struct
{
    uint16_t id; /* placeholder: the real union holds property gets only; Generic OnOff Get has no parameters */
} esp_ble_mesh_generic_server_recv_get_msg_t;

typedef struct
{
    bool op_en;
    uint8_t onoff;
    uint8_t tid;
    uint8_t trans_time;
    uint8_t delay;
} esp_ble_mesh_server_recv_gen_onoff_set_t;

typedef union
{
    esp_ble_mesh_server_recv_gen_onoff_set_t onoff;
    /* other members omitted */
} esp_ble_mesh_generic_server_recv_set_msg_t;

typedef union
{
    esp_ble_mesh_generic_server_state_change_t state_change;
    esp_ble_mesh_generic_server_recv_get_msg_t get;
    esp_ble_mesh_generic_server_recv_set_msg_t set;
} esp_ble_mesh_generic_server_cb_value_t;

typedef struct
{
    esp_ble_mesh_model_t *model;
    esp_ble_mesh_msg_ctx_t ctx;
    esp_ble_mesh_generic_server_cb_value_t value;
} esp_ble_mesh_generic_server_cb_param_t;

typedef enum
{
    ESP_BLE_MESH_GENERIC_SERVER_STATE_CHANGE_EVT,
    ESP_BLE_MESH_GENERIC_SERVER_RECV_GET_MSG_EVT,
    ESP_BLE_MESH_GENERIC_SERVER_RECV_SET_MSG_EVT,
    ESP_BLE_MESH_GENERIC_SERVER_EVT_MAX,
} esp_ble_mesh_generic_server_cb_event_t;

typedef void (*esp_ble_mesh_generic_client_cb_t)(esp_ble_mesh_generic_client_cb_event_t event, esp_ble_mesh_generic_client_cb_param_t *param);
typedef void (*esp_ble_mesh_generic_server_cb_t)(esp_ble_mesh_generic_server_cb_event_t event, esp_ble_mesh_generic_server_cb_param_t *param);
esp_err_t esp_ble_mesh_register_generic_client_callback(esp_ble_mesh_generic_client_cb_t callback);
esp_err_t esp_ble_mesh_generic_client_set_state(esp_ble_mesh_client_common_param_t *params, esp_ble_mesh_generic_client_set_state_t *set_state);
esp_err_t esp_ble_mesh_register_generic_server_callback(esp_ble_mesh_generic_server_cb_t callback);
#ifdef __cplusplus
}
#endif
