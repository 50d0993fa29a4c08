/* Fake of ESP-IDF v5.5.4 components/bt/esp_ble_mesh/api/esp_ble_mesh_defs.h: the declarations the glue uses.
 * Members the glue never touches are omitted (marked); stack-internal member types are placeholders. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "esp_err.h"
#include "sdkconfig.h"

#ifdef __cplusplus
extern "C" {
#endif

/* --- reached through esp_ble_mesh_defs.h in the real tree (mesh/buf.h, mesh/adapter.h, mesh/kernel.h) --- */
struct net_buf_simple
{
    uint8_t *data;
    uint16_t len;
    uint16_t size;
    uint8_t *__buf;
};
#define NET_BUF_SIMPLE_DEFINE_STATIC(_name, _size)                                                                      \
    static uint8_t net_buf_data_##_name[_size];                                                                          \
    static struct net_buf_simple _name = {.data = net_buf_data_##_name, .len = 0, .size = _size, .__buf = net_buf_data_##_name}
struct k_delayed_work
{
    int placeholder; /* stack-internal timer */
};
/* Advertising types of the BLE coexistence API with CONFIG_BLE_MESH_USE_BLE_50 off (mesh/adapter.h). */
#define BLE_MESH_ADV_IND 0x00
#define BLE_MESH_ADV_NONCONN_IND 0x03
#define BLE_MESH_ADDR_PUBLIC 0x00

#define ESP_BLE_MESH_OCTET16_LEN 16
typedef uint8_t esp_ble_mesh_octet16_t[ESP_BLE_MESH_OCTET16_LEN];
#ifndef BD_ADDR_LEN
#define BD_ADDR_LEN 6
#endif
typedef uint8_t esp_ble_mesh_bd_addr_t[BD_ADDR_LEN];
#define ESP_BLE_MESH_ADDR_TYPE_PUBLIC 0x00
#define ESP_BLE_MESH_ADDR_TYPE_RANDOM 0x01
typedef uint8_t esp_ble_mesh_addr_type_t;

#define ESP_BLE_MESH_CID_NVAL 0xFFFF
#define ESP_BLE_MESH_TTL_DEFAULT 0xFF
#define ESP_BLE_MESH_ADDR_UNASSIGNED 0x0000
#define ESP_BLE_MESH_ADDR_ALL_NODES 0xFFFF
#define ESP_BLE_MESH_KEY_UNUSED 0xFFFF
#define ESP_BLE_MESH_KEY_DEV 0xFFFE
#define ESP_BLE_MESH_KEY_PRIMARY 0x0000
#define ESP_BLE_MESH_NET_PRIMARY 0x000
#define ESP_BLE_MESH_RELAY_DISABLED 0x00
#define ESP_BLE_MESH_RELAY_ENABLED 0x01
#define ESP_BLE_MESH_RELAY_NOT_SUPPORTED 0x02
#define ESP_BLE_MESH_BEACON_DISABLED 0x00
#define ESP_BLE_MESH_BEACON_ENABLED 0x01
#define ESP_BLE_MESH_GATT_PROXY_DISABLED 0x00
#define ESP_BLE_MESH_GATT_PROXY_ENABLED 0x01
#define ESP_BLE_MESH_GATT_PROXY_NOT_SUPPORTED 0x02
#define ESP_BLE_MESH_FRIEND_DISABLED 0x00
#define ESP_BLE_MESH_FRIEND_ENABLED 0x01
#define ESP_BLE_MESH_FRIEND_NOT_SUPPORTED 0x02
#define ESP_BLE_MESH_ADDR_IS_UNICAST(addr) ((addr) && (addr) < 0x8000)
#define ESP_BLE_MESH_ADDR_IS_GROUP(addr) ((addr) >= 0xC000 && (addr) <= 0xFF00)
#define ESP_BLE_MESH_TRANSMIT(count, int_ms) ((count) | (((int_ms / 10) - 1) << 3))

typedef uint32_t esp_ble_mesh_cb_t;
typedef uint32_t esp_ble_mesh_opcode_t;

typedef enum
{
    ESP_BLE_MESH_PROV_ADV = 1 << 0,
    ESP_BLE_MESH_PROV_GATT = 1 << 1,
} esp_ble_mesh_prov_bearer_t;

typedef enum
{
    ROLE_NODE = 0,
    ROLE_PROVISIONER,
    ROLE_FAST_PROV,
} esp_ble_mesh_dev_role_t;

typedef uint16_t esp_ble_mesh_prov_oob_info_t;

typedef struct esp_ble_mesh_model esp_ble_mesh_model_t;

typedef struct
{
    uint16_t element_addr;
    const uint16_t location;
    const uint8_t sig_model_count;
    const uint8_t vnd_model_count;
    esp_ble_mesh_model_t *sig_models;
    esp_ble_mesh_model_t *vnd_models;
} esp_ble_mesh_elem_t;

typedef struct
{
    esp_ble_mesh_model_t *model;
    uint16_t publish_addr;
    uint16_t app_idx : 12, cred : 1, send_rel : 1, send_szmic : 1;
    uint8_t ttl;
    uint8_t retransmit;
    uint8_t period;
    uint8_t period_div : 4, fast_period : 1, count : 3;
    uint32_t period_start;
    struct net_buf_simple *msg;
    esp_ble_mesh_cb_t update;
    struct k_delayed_work timer;
    uint8_t dev_role;
} esp_ble_mesh_model_pub_t;

#define ESP_BLE_MESH_MODEL_PUB_DEFINE(_name, _msg_len, _role)                                                             \
    NET_BUF_SIMPLE_DEFINE_STATIC(bt_mesh_pub_msg_##_name, _msg_len);                                                       \
    static esp_ble_mesh_model_pub_t _name = {                                                                             \
        .msg = &bt_mesh_pub_msg_##_name,                                                                                  \
        .update = (uint32_t)NULL,                                                                                         \
        .dev_role = _role,                                                                                                \
    }

typedef struct
{
    const uint32_t opcode;
    const size_t min_len;
    esp_ble_mesh_cb_t param_cb;
} esp_ble_mesh_model_op_t;

#define ESP_BLE_MESH_MODEL_OP(_opcode, _min_len) {.opcode = _opcode, .min_len = _min_len, .param_cb = (uint32_t)NULL}
#define ESP_BLE_MESH_MODEL_OP_END {0, 0, 0}

typedef struct
{
    esp_ble_mesh_cb_t init_cb;
    esp_ble_mesh_cb_t deinit_cb;
} esp_ble_mesh_model_cbs_t;

struct esp_ble_mesh_model
{
    union
    {
        const uint16_t model_id;
        struct
        {
            uint16_t company_id;
            uint16_t model_id;
        } vnd;
    };
    uint8_t element_idx;
    uint8_t model_idx;
    uint16_t flags;
    esp_ble_mesh_elem_t *element;
    esp_ble_mesh_model_pub_t *const pub;
    uint16_t keys[CONFIG_BLE_MESH_MODEL_KEY_COUNT];
    uint16_t groups[CONFIG_BLE_MESH_MODEL_GROUP_COUNT];
    esp_ble_mesh_model_op_t *op;
    esp_ble_mesh_model_cbs_t *cb;
    void *user_data;
};

/* The real macros list the key and group slots with LISTIFY; a GNU range designator gives the same values. */
#define ESP_BLE_MESH_MODEL_KEYS_UNUSED {[0 ... CONFIG_BLE_MESH_MODEL_KEY_COUNT - 1] = ESP_BLE_MESH_KEY_UNUSED}
#define ESP_BLE_MESH_MODEL_GROUPS_UNASSIGNED {[0 ... CONFIG_BLE_MESH_MODEL_GROUP_COUNT - 1] = ESP_BLE_MESH_ADDR_UNASSIGNED}

#define ESP_BLE_MESH_SIG_MODEL(_id, _op, _pub, _user_data)                                                               \
    {                                                                                                                     \
        .model_id = (_id), .pub = _pub, .keys = ESP_BLE_MESH_MODEL_KEYS_UNUSED,                                           \
        .groups = ESP_BLE_MESH_MODEL_GROUPS_UNASSIGNED, .op = _op, .user_data = _user_data,                               \
    }
#define ESP_BLE_MESH_VENDOR_MODEL(_company, _id, _op, _pub, _user_data)                                                  \
    {                                                                                                                     \
        .vnd = {.company_id = (_company), .model_id = (_id)}, .pub = _pub, .keys = ESP_BLE_MESH_MODEL_KEYS_UNUSED,        \
        .groups = ESP_BLE_MESH_MODEL_GROUPS_UNASSIGNED, .op = _op, .user_data = _user_data,                               \
    }

#define ESP_BLE_MESH_MODEL_OP_1(b0) (b0)
#define ESP_BLE_MESH_MODEL_OP_2(b0, b1) (((b0) << 8) | (b1))
#define ESP_BLE_MESH_MODEL_OP_3(b0, cid) ((((b0) << 16) | 0xC00000) | (cid))

#define ESP_BLE_MESH_MODEL_ID_CONFIG_SRV 0x0000
#define ESP_BLE_MESH_MODEL_ID_CONFIG_CLI 0x0001
#define ESP_BLE_MESH_MODEL_ID_GEN_ONOFF_SRV 0x1000
#define ESP_BLE_MESH_MODEL_ID_GEN_ONOFF_CLI 0x1001
#define ESP_BLE_MESH_MODEL_ID_DF_SRV 0x0006
#define ESP_BLE_MESH_MODEL_ID_DF_CLI 0x0007

#define ESP_BLE_MESH_MODEL_OP_COMPOSITION_DATA_GET ESP_BLE_MESH_MODEL_OP_2(0x80, 0x08)
#define ESP_BLE_MESH_MODEL_OP_COMPOSITION_DATA_STATUS ESP_BLE_MESH_MODEL_OP_1(0x02)
#define ESP_BLE_MESH_MODEL_OP_APP_KEY_ADD ESP_BLE_MESH_MODEL_OP_1(0x00)
#define ESP_BLE_MESH_MODEL_OP_APP_KEY_STATUS ESP_BLE_MESH_MODEL_OP_2(0x80, 0x03)
#define ESP_BLE_MESH_MODEL_OP_MODEL_APP_BIND ESP_BLE_MESH_MODEL_OP_2(0x80, 0x3D)
#define ESP_BLE_MESH_MODEL_OP_MODEL_APP_STATUS ESP_BLE_MESH_MODEL_OP_2(0x80, 0x3E)
#define ESP_BLE_MESH_MODEL_OP_MODEL_SUB_ADD ESP_BLE_MESH_MODEL_OP_2(0x80, 0x1B)
#define ESP_BLE_MESH_MODEL_OP_MODEL_SUB_STATUS ESP_BLE_MESH_MODEL_OP_2(0x80, 0x1F)
#define ESP_BLE_MESH_MODEL_OP_MODEL_PUB_SET ESP_BLE_MESH_MODEL_OP_1(0x03)
#define ESP_BLE_MESH_MODEL_OP_MODEL_PUB_STATUS ESP_BLE_MESH_MODEL_OP_2(0x80, 0x19)
#define ESP_BLE_MESH_MODEL_OP_RELAY_SET ESP_BLE_MESH_MODEL_OP_2(0x80, 0x27)
#define ESP_BLE_MESH_MODEL_OP_RELAY_STATUS ESP_BLE_MESH_MODEL_OP_2(0x80, 0x28)
#define ESP_BLE_MESH_MODEL_OP_DEFAULT_TTL_SET ESP_BLE_MESH_MODEL_OP_2(0x80, 0x0D)
#define ESP_BLE_MESH_MODEL_OP_DEFAULT_TTL_STATUS ESP_BLE_MESH_MODEL_OP_2(0x80, 0x0E)
#define ESP_BLE_MESH_MODEL_OP_NODE_RESET ESP_BLE_MESH_MODEL_OP_2(0x80, 0x49)
#define ESP_BLE_MESH_MODEL_OP_NODE_RESET_STATUS ESP_BLE_MESH_MODEL_OP_2(0x80, 0x4A)
#define ESP_BLE_MESH_MODEL_OP_GEN_ONOFF_GET ESP_BLE_MESH_MODEL_OP_2(0x82, 0x01)
#define ESP_BLE_MESH_MODEL_OP_GEN_ONOFF_SET ESP_BLE_MESH_MODEL_OP_2(0x82, 0x02)
#define ESP_BLE_MESH_MODEL_OP_GEN_ONOFF_SET_UNACK ESP_BLE_MESH_MODEL_OP_2(0x82, 0x03)
#define ESP_BLE_MESH_MODEL_OP_GEN_ONOFF_STATUS ESP_BLE_MESH_MODEL_OP_2(0x82, 0x04)

typedef struct
{
    uint16_t cid;
    uint16_t pid;
    uint16_t vid;
    size_t element_count;
    esp_ble_mesh_elem_t *elements;
} esp_ble_mesh_comp_t;

typedef struct
{
    /* CONFIG_BLE_MESH_NODE */
    const uint8_t *uuid;
    const char *uri;
    esp_ble_mesh_prov_oob_info_t oob_info;
    bool oob_pub_key;
    esp_ble_mesh_cb_t oob_pub_key_cb;
    uint8_t oob_type;
    const uint8_t *static_val;
    uint8_t static_val_len;
    uint8_t output_size;
    uint16_t output_actions;
    uint8_t input_size;
    uint16_t input_actions;
    /* stack-owned callbacks omitted */
    /* CONFIG_BLE_MESH_PROVISIONER */
    const uint8_t *prov_uuid;
    const uint16_t prov_unicast_addr;
    uint16_t prov_start_address;
    uint8_t prov_attention;
    uint8_t prov_algorithm;
    uint8_t prov_pub_key_oob;
    esp_ble_mesh_cb_t provisioner_prov_read_oob_pub_key;
    uint8_t *prov_static_oob_val;
    uint8_t prov_static_oob_len;
    esp_ble_mesh_cb_t provisioner_prov_input;
    esp_ble_mesh_cb_t provisioner_prov_output;
    uint8_t flags;
    uint32_t iv_index;
    /* stack-owned callbacks omitted */
} esp_ble_mesh_prov_t;

typedef struct
{
    uint32_t adv_itvl;
    uint8_t adv_cnt;
    uint8_t channel_map;
} esp_ble_mesh_adv_cfg_t;

typedef struct
{
    uint8_t adv_cfg_used : 1;
    esp_ble_mesh_adv_cfg_t adv_cfg;
} esp_ble_mesh_msg_enh_params_t;

typedef struct
{
    uint16_t net_idx;
    uint16_t app_idx;
    uint16_t addr;
    uint16_t recv_dst;
    int8_t recv_rssi;
    uint32_t recv_op;
    uint8_t recv_ttl;
    uint8_t recv_cred;
    uint8_t recv_tag;
    uint8_t send_rel : 1;
    uint8_t send_szmic : 1;
    uint8_t send_ttl;
    uint8_t send_cred;
    uint8_t send_tag;
    esp_ble_mesh_model_t *model;
    bool srv_send;
    esp_ble_mesh_msg_enh_params_t enh;
} esp_ble_mesh_msg_ctx_t;

typedef struct
{
    uint32_t cli_op;
    uint32_t status_op;
} esp_ble_mesh_client_op_pair_t;

typedef struct
{
    esp_ble_mesh_model_t *model;
    uint32_t op_pair_size;
    const esp_ble_mesh_client_op_pair_t *op_pair;
    uint32_t publish_status;
    void *internal_data;
    void *vendor_data;
    uint8_t msg_role;
} esp_ble_mesh_client_t;

typedef struct
{
    esp_ble_mesh_opcode_t opcode;
    esp_ble_mesh_model_t *model;
    esp_ble_mesh_msg_ctx_t ctx;
    int32_t msg_timeout;
    uint8_t msg_role;
} esp_ble_mesh_client_common_param_t;

/* Unicast address range (Mesh Protocol 1.1 directed forwarding). */
typedef struct
{
    uint16_t len_present : 1, range_start : 15;
    uint8_t range_length;
} esp_ble_mesh_uar_t;

#define ESP_BLE_MESH_SERVER_RSP_BY_APP 0
#define ESP_BLE_MESH_SERVER_AUTO_RSP 1
typedef struct
{
    uint8_t get_auto_rsp : 1, set_auto_rsp : 1, status_auto_rsp : 1;
} esp_ble_mesh_server_rsp_ctrl_t;

typedef struct
{
    uint8_t tid;
    uint16_t src;
    uint16_t dst;
    int64_t timestamp;
} esp_ble_mesh_last_msg_info_t;

typedef struct
{
    bool just_started;
    uint8_t trans_time;
    uint8_t remain_time;
    uint8_t delay;
    uint32_t quo_tt;
    uint32_t counter;
    uint32_t total_duration;
    int64_t start_timestamp;
    uint32_t flag[1]; /* BLE_MESH_ATOMIC_DEFINE placeholder */
    struct k_delayed_work timer;
} esp_ble_mesh_state_transition_t;

typedef struct
{
    esp_ble_mesh_bd_addr_t addr;
    esp_ble_mesh_addr_type_t addr_type;
    uint8_t dev_uuid[16];
    uint16_t oob_info;
    uint16_t unicast_addr;
    uint8_t element_num;
    /* key, name and composition members omitted */
} __attribute__((packed)) esp_ble_mesh_node_t;

typedef enum
{
    ESP_BLE_MESH_PROV_REGISTER_COMP_EVT = 0,
    ESP_BLE_MESH_NODE_PROV_ENABLE_COMP_EVT = 2,
    ESP_BLE_MESH_NODE_PROV_LINK_OPEN_EVT = 4,
    ESP_BLE_MESH_NODE_PROV_LINK_CLOSE_EVT = 5,
    ESP_BLE_MESH_NODE_PROV_COMPLETE_EVT = 10,
    ESP_BLE_MESH_NODE_PROV_RESET_EVT = 11,
    ESP_BLE_MESH_PROVISIONER_PROV_ENABLE_COMP_EVT = 23,
    ESP_BLE_MESH_PROVISIONER_RECV_UNPROV_ADV_PKT_EVT = 25,
    ESP_BLE_MESH_PROVISIONER_PROV_LINK_OPEN_EVT = 29,
    ESP_BLE_MESH_PROVISIONER_PROV_LINK_CLOSE_EVT = 30,
    ESP_BLE_MESH_PROVISIONER_PROV_COMPLETE_EVT = 31,
    ESP_BLE_MESH_PROVISIONER_PROV_DEV_WITH_ADDR_COMP_EVT = 40,
    ESP_BLE_MESH_PROVISIONER_SET_DEV_UUID_MATCH_COMP_EVT = 42,
    ESP_BLE_MESH_PROVISIONER_SET_STATIC_OOB_VALUE_COMP_EVT = 44,
    ESP_BLE_MESH_PROVISIONER_ADD_LOCAL_APP_KEY_COMP_EVT = 50,
    ESP_BLE_MESH_PROVISIONER_UPDATE_LOCAL_APP_KEY_COMP_EVT = 51,
    ESP_BLE_MESH_PROVISIONER_BIND_APP_KEY_TO_MODEL_COMP_EVT = 52,
    ESP_BLE_MESH_PROVISIONER_UPDATE_LOCAL_NET_KEY_COMP_EVT = 54,
    ESP_BLE_MESH_PROV_EVT_MAX = 95, /* other events omitted */
} esp_ble_mesh_prov_cb_event_t;

typedef union
{
    struct ble_mesh_prov_enable_comp_param
    {
        int err_code;
    } node_prov_enable_comp;
    struct ble_mesh_link_open_evt_param
    {
        esp_ble_mesh_prov_bearer_t bearer;
    } node_prov_link_open;
    struct ble_mesh_link_close_evt_param
    {
        esp_ble_mesh_prov_bearer_t bearer; /* the field every v5.x has; the glue reads none of it */
    } node_prov_link_close;
    struct ble_mesh_provision_complete_evt_param
    {
        uint16_t net_idx;
        uint8_t net_key[16];
        uint16_t addr;
        uint8_t flags;
        uint32_t iv_index;
    } node_prov_complete;
    struct ble_mesh_provisioner_recv_unprov_adv_pkt_param
    {
        uint8_t dev_uuid[16];
        esp_ble_mesh_bd_addr_t addr;
        esp_ble_mesh_addr_type_t addr_type;
        uint16_t oob_info;
        uint8_t adv_type;
        esp_ble_mesh_prov_bearer_t bearer;
        int8_t rssi;
    } provisioner_recv_unprov_adv_pkt;
    struct ble_mesh_provisioner_prov_enable_comp_param
    {
        int err_code;
    } provisioner_prov_enable_comp;
    struct ble_mesh_provisioner_link_close_evt_param
    {
        esp_ble_mesh_prov_bearer_t bearer;
        uint8_t reason;
    } provisioner_prov_link_close;
    struct ble_mesh_provisioner_prov_comp_param
    {
        uint16_t node_idx;
        esp_ble_mesh_octet16_t device_uuid;
        uint16_t unicast_addr;
        uint8_t element_num;
        uint16_t netkey_idx;
    } provisioner_prov_complete;
    struct ble_mesh_provisioner_prov_dev_with_addr_comp_param
    {
        int err_code;
    } provisioner_prov_dev_with_addr_comp;
    struct ble_mesh_provisioner_set_dev_uuid_match_comp_param
    {
        int err_code;
    } provisioner_set_dev_uuid_match_comp;
    struct ble_mesh_provisioner_set_static_oob_val_comp_param
    {
        int err_code;
    } provisioner_set_static_oob_val_comp;
    struct ble_mesh_provisioner_add_local_app_key_comp_param
    {
        int err_code;
        uint16_t net_idx;
        uint16_t app_idx;
    } provisioner_add_app_key_comp;
    struct ble_mesh_provisioner_update_local_app_key_comp_param
    {
        int err_code;
        uint16_t net_idx;
        uint16_t app_idx;
    } provisioner_update_app_key_comp;
    struct ble_mesh_provisioner_bind_local_mod_app_comp_param
    {
        int err_code;
        uint16_t element_addr;
        uint16_t app_idx;
        uint16_t company_id;
        uint16_t model_id;
    } provisioner_bind_app_key_to_model_comp;
    struct ble_mesh_provisioner_update_local_net_key_comp_param
    {
        int err_code;
        uint16_t net_idx;
    } provisioner_update_net_key_comp;
    /* other members omitted */
} esp_ble_mesh_prov_cb_param_t;

typedef enum
{
    ESP_BLE_MESH_MODEL_OPERATION_EVT = 0,
    ESP_BLE_MESH_MODEL_SEND_COMP_EVT = 1,
    ESP_BLE_MESH_MODEL_PUBLISH_COMP_EVT = 2,
    ESP_BLE_MESH_CLIENT_MODEL_RECV_PUBLISH_MSG_EVT = 3,
    ESP_BLE_MESH_CLIENT_MODEL_SEND_TIMEOUT_EVT = 4,
    ESP_BLE_MESH_MODEL_PUBLISH_UPDATE_EVT = 5,
    ESP_BLE_MESH_SERVER_MODEL_UPDATE_STATE_COMP_EVT = 6,
    ESP_BLE_MESH_MODEL_EVT_MAX = 7,
} esp_ble_mesh_model_cb_event_t;

typedef union
{
    struct ble_mesh_model_operation_evt_param
    {
        uint32_t opcode;
        esp_ble_mesh_model_t *model;
        esp_ble_mesh_msg_ctx_t *ctx;
        uint16_t length;
        uint8_t *msg;
    } model_operation;
    struct ble_mesh_model_send_comp_param
    {
        int err_code;
        uint32_t opcode;
        esp_ble_mesh_model_t *model;
        esp_ble_mesh_msg_ctx_t *ctx;
    } model_send_comp;
    struct ble_mesh_model_publish_comp_param
    {
        int err_code;
        esp_ble_mesh_model_t *model;
    } model_publish_comp;
    struct ble_mesh_mod_recv_publish_msg_param
    {
        uint32_t opcode;
        esp_ble_mesh_model_t *model;
        esp_ble_mesh_msg_ctx_t *ctx;
        uint16_t length;
        uint8_t *msg;
    } client_recv_publish_msg;
    struct ble_mesh_client_model_send_timeout_param
    {
        uint32_t opcode;
        esp_ble_mesh_model_t *model;
        esp_ble_mesh_msg_ctx_t *ctx;
    } client_send_timeout;
    /* other members omitted */
} esp_ble_mesh_model_cb_param_t;

#ifdef __cplusplus
}
#endif
