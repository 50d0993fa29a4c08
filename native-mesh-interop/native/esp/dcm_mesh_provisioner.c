/*
 * Provisioner primitives over ESP-BLE-MESH's provisioner role (seed §6; docs/reference/esp-ble-mesh.md §3):
 *
 *  - enable: UUID match prefix (reported, never auto-provisioned: prov_after_match false), optional static OOB,
 *    PB-ADV on, then the C# image's NetKey as NetKey 0 (the stack creates a random primary NetKey at the first
 *    provisioner enable, pvnr_mgmt.c bt_mesh_provisioner_net_create, so ours replaces it afterwards with
 *    esp_ble_mesh_provisioner_update_local_net_key), AppKey 0 (added, or updated when restored from flash) and the
 *    Generic OnOff client bound to it. Each step waits for its *_COMP_EVT; the outcome is one ProvisionerReady event.
 *  - admit: one device at a time with esp_ble_mesh_provisioner_prov_device_with_addr at the address the C# registry
 *    chose (the stack checks for a duplicate address only while sending the provisioning data, prov_pvnr.c
 *    send_prov_data, and then closes the link: reported as ProvisioningFailed).
 *  - Config Client requests from on-air parameters (dcm_config_codec), matched back by destination and request
 *    opcode (dcm_requests); the stack's timeout and status events carry both.
 *
 * Callbacks run in the BTC task; the enable chain continues from them (ESP-IDF API calls only post to the BTC queue).
 */
#include <string.h>

#include "esp_ble_mesh_config_model_api.h"
#include "esp_ble_mesh_defs.h"
#include "esp_ble_mesh_local_data_operation_api.h"
#include "esp_ble_mesh_networking_api.h"
#include "esp_ble_mesh_provisioning_api.h"

#include "dcm_composition.h"
#include "dcm_config_codec.h"
#include "dcm_df_codec.h"
#include "dcm_glue.h"
#include "dcm_platform.h"

/* TTL of the provisioner's config messages (seed §1.6). */
#define CONFIG_MESSAGE_TTL 3u

static uint8_t net_key[DCM_KEY_LENGTH];
static uint8_t app_key[DCM_KEY_LENGTH];
static uint8_t static_oob[16];
static uint8_t static_oob_length;
static bool app_key_update_tried;

static void ready(int32_t error, uint8_t step)
{
    dcm_platform_enter_critical();
    dcm_glue.provisioner_ready = error == 0;
    dcm_platform_exit_critical();
    dcm_glue_queue_essential_event(DCM_EVENT_PROVISIONER_READY, esp_ble_mesh_get_primary_element_address(), 0, error == 0 ? 0u : step, 0, error);
}

/* Runs step `step` of the enable chain; a refused call ends the chain at once. */
static void run_step(uint8_t step)
{
    esp_err_t error = ESP_OK;
    switch (step)
    {
    case DCM_PROVISIONER_STEP_STATIC_OOB:
        error = esp_ble_mesh_provisioner_set_static_oob_value(static_oob, static_oob_length);
        break;
    case DCM_PROVISIONER_STEP_ENABLE:
        error = esp_ble_mesh_provisioner_prov_enable(ESP_BLE_MESH_PROV_ADV);
        break;
    case DCM_PROVISIONER_STEP_NET_KEY:
        error = esp_ble_mesh_provisioner_update_local_net_key(net_key, ESP_BLE_MESH_KEY_PRIMARY);
        break;
    case DCM_PROVISIONER_STEP_APP_KEY:
        error = app_key_update_tried ? esp_ble_mesh_provisioner_update_local_app_key(app_key, ESP_BLE_MESH_KEY_PRIMARY, 0)
                                     : esp_ble_mesh_provisioner_add_local_app_key(app_key, ESP_BLE_MESH_KEY_PRIMARY, 0);
        break;
    case DCM_PROVISIONER_STEP_BIND:
        if (dcm_glue_model(DCM_MODEL_GENERIC_ONOFF_CLIENT) == NULL)
        {
            ready(0, step);
            return;
        }
        error = esp_ble_mesh_provisioner_bind_app_key_to_local_model(esp_ble_mesh_get_primary_element_address(), 0,
                                                                     DCM_SIG_GENERIC_ONOFF_CLIENT, DCM_COMPANY_ID_NONE);
        break;
    default:
        return;
    }

    if (error != ESP_OK)
    {
        ready(error, step);
    }
}

/* The step after `step` in the enable chain: UUID match -> static OOB -> enable -> NetKey -> AppKey -> bind. */
static void step_done(uint8_t step, int error)
{
    if (error != 0)
    {
        if (step == DCM_PROVISIONER_STEP_APP_KEY && !app_key_update_tried)
        {
            app_key_update_tried = true; /* AppKey 0 restored from flash: replace its value instead */
            run_step(DCM_PROVISIONER_STEP_APP_KEY);
            return;
        }
        ready(error, step);
        return;
    }

    switch (step)
    {
    case DCM_PROVISIONER_STEP_UUID_MATCH:
        run_step(static_oob_length > 0u ? DCM_PROVISIONER_STEP_STATIC_OOB : DCM_PROVISIONER_STEP_ENABLE);
        break;
    case DCM_PROVISIONER_STEP_STATIC_OOB:
        run_step(DCM_PROVISIONER_STEP_ENABLE);
        break;
    case DCM_PROVISIONER_STEP_ENABLE:
        run_step(DCM_PROVISIONER_STEP_NET_KEY);
        break;
    case DCM_PROVISIONER_STEP_NET_KEY:
        run_step(DCM_PROVISIONER_STEP_APP_KEY);
        break;
    case DCM_PROVISIONER_STEP_APP_KEY:
        run_step(DCM_PROVISIONER_STEP_BIND);
        break;
    default:
        ready(0, step);
        break;
    }
}

dcm_result_t dcm_mesh_enable_provisioner(const uint8_t *net_key_value, size_t net_key_length, const uint8_t *app_key_value, size_t app_key_length,
                                         const uint8_t *uuid_prefix, size_t prefix_length, const uint8_t *static_oob_value, size_t static_oob_length_argument)
{
    if (net_key_value == NULL || net_key_length != DCM_KEY_LENGTH || app_key_value == NULL || app_key_length != DCM_KEY_LENGTH
        || uuid_prefix == NULL || prefix_length < 1u || prefix_length > 16u || static_oob_length_argument > 16u
        || (static_oob_value == NULL && static_oob_length_argument > 0u))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

    if (!dcm_glue.started || dcm_glue_model(DCM_MODEL_CONFIG_CLIENT) == NULL)
    {
        return DCM_RESULT_INVALID_STATE;
    }

    memcpy(net_key, net_key_value, DCM_KEY_LENGTH);
    memcpy(app_key, app_key_value, DCM_KEY_LENGTH);
    if (static_oob_length_argument > 0u)
    {
        memcpy(static_oob, static_oob_value, static_oob_length_argument);
    }
    static_oob_length = (uint8_t)static_oob_length_argument;
    app_key_update_tried = false;
    /* The chain goes on from each step's completion event (dcm_provisioner_prov_callback). */
    return dcm_glue_result_of(esp_ble_mesh_provisioner_set_dev_uuid_match(uuid_prefix, (uint8_t)prefix_length, 0, false));
}

dcm_result_t dcm_mesh_provision_device(const uint8_t *device_record, size_t record_length, int32_t unicast_address)
{
    if (device_record == NULL || record_length < DCM_DEVICE_RECORD_LENGTH || unicast_address < 1 || unicast_address > 0x7FFF)
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

    esp_ble_mesh_prov_bearer_t bearer = (esp_ble_mesh_prov_bearer_t)device_record[25];
    if (bearer != ESP_BLE_MESH_PROV_ADV && bearer != ESP_BLE_MESH_PROV_GATT)
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

    dcm_platform_enter_critical();
    dcm_result_t result = !dcm_glue.started || !dcm_glue.provisioner_ready ? DCM_RESULT_INVALID_STATE
                          : dcm_glue.provisioning_busy                    ? DCM_RESULT_BUSY
                                                                          : DCM_RESULT_OK;
    if (result == DCM_RESULT_OK)
    {
        dcm_glue.provisioning_busy = true;
        memcpy(dcm_glue.provisioning_uuid, device_record, 16);
    }
    dcm_platform_exit_critical();
    if (result != DCM_RESULT_OK)
    {
        return result;
    }

    esp_ble_mesh_bd_addr_t address;
    memcpy(address, device_record + 16, BD_ADDR_LEN);
    uint16_t oob_info = (uint16_t)(device_record[23] | (device_record[24] << 8));
    esp_err_t error = esp_ble_mesh_provisioner_prov_device_with_addr(device_record, address, device_record[22], bearer, oob_info,
                                                                     (uint16_t)unicast_address);
    if (error != ESP_OK)
    {
        dcm_platform_enter_critical();
        dcm_glue.provisioning_busy = false;
        dcm_platform_exit_critical();
    }
    return dcm_glue_result_of(error);
}

/* Ends the current provisioning with `kind` (DeviceProvisioned or ProvisioningFailed) when one is running. */
static void provisioning_ended(uint8_t kind, uint16_t address, int32_t value)
{
    uint8_t uuid[16];
    dcm_platform_enter_critical();
    bool was_busy = dcm_glue.provisioning_busy;
    dcm_glue.provisioning_busy = false;
    memcpy(uuid, dcm_glue.provisioning_uuid, sizeof uuid);
    dcm_platform_exit_critical();
    if (was_busy)
    {
        dcm_glue_queue_event(kind, address, 0, 0, 0, value, uuid, sizeof uuid);
    }
}

void dcm_provisioner_prov_callback(esp_ble_mesh_prov_cb_event_t event, esp_ble_mesh_prov_cb_param_t *param)
{
    switch (event)
    {
    case ESP_BLE_MESH_PROVISIONER_SET_DEV_UUID_MATCH_COMP_EVT:
        step_done(DCM_PROVISIONER_STEP_UUID_MATCH, param->provisioner_set_dev_uuid_match_comp.err_code);
        break;
    case ESP_BLE_MESH_PROVISIONER_SET_STATIC_OOB_VALUE_COMP_EVT:
        step_done(DCM_PROVISIONER_STEP_STATIC_OOB, param->provisioner_set_static_oob_val_comp.err_code);
        break;
    case ESP_BLE_MESH_PROVISIONER_PROV_ENABLE_COMP_EVT:
        step_done(DCM_PROVISIONER_STEP_ENABLE, param->provisioner_prov_enable_comp.err_code);
        break;
    case ESP_BLE_MESH_PROVISIONER_UPDATE_LOCAL_NET_KEY_COMP_EVT:
        step_done(DCM_PROVISIONER_STEP_NET_KEY, param->provisioner_update_net_key_comp.err_code);
        break;
    case ESP_BLE_MESH_PROVISIONER_ADD_LOCAL_APP_KEY_COMP_EVT:
        step_done(DCM_PROVISIONER_STEP_APP_KEY, param->provisioner_add_app_key_comp.err_code);
        break;
    case ESP_BLE_MESH_PROVISIONER_UPDATE_LOCAL_APP_KEY_COMP_EVT:
        step_done(DCM_PROVISIONER_STEP_APP_KEY, param->provisioner_update_app_key_comp.err_code);
        break;
    case ESP_BLE_MESH_PROVISIONER_BIND_APP_KEY_TO_MODEL_COMP_EVT:
    {
        /* Restored from flash, the binding may already exist: that is success too. */
        esp_ble_mesh_model_t *client = dcm_glue_model(DCM_MODEL_GENERIC_ONOFF_CLIENT);
        int error = param->provisioner_bind_app_key_to_model_comp.err_code;
        if (error != 0 && client != NULL && client->keys[0] == 0u)
        {
            error = 0;
        }
        step_done(DCM_PROVISIONER_STEP_BIND, error);
        break;
    }
    case ESP_BLE_MESH_PROVISIONER_RECV_UNPROV_ADV_PKT_EVT:
    {
        const struct ble_mesh_provisioner_recv_unprov_adv_pkt_param *device = &param->provisioner_recv_unprov_adv_pkt;
        uint8_t record[DCM_DEVICE_RECORD_LENGTH];
        memcpy(record, device->dev_uuid, 16);
        memcpy(record + 16, device->addr, BD_ADDR_LEN);
        record[22] = device->addr_type;
        record[23] = (uint8_t)device->oob_info;
        record[24] = (uint8_t)(device->oob_info >> 8);
        record[25] = (uint8_t)device->bearer;
        dcm_glue_queue_event(DCM_EVENT_DEVICE_DISCOVERED, 0, 0, 0, 0, device->rssi, record, sizeof record);
        break;
    }
    case ESP_BLE_MESH_PROVISIONER_PROV_DEV_WITH_ADDR_COMP_EVT:
        if (param->provisioner_prov_dev_with_addr_comp.err_code != 0)
        {
            provisioning_ended(DCM_EVENT_PROVISIONING_FAILED, 0, param->provisioner_prov_dev_with_addr_comp.err_code);
        }
        break;
    case ESP_BLE_MESH_PROVISIONER_PROV_COMPLETE_EVT:
        provisioning_ended(DCM_EVENT_DEVICE_PROVISIONED, param->provisioner_prov_complete.unicast_addr, param->provisioner_prov_complete.element_num);
        break;
    case ESP_BLE_MESH_PROVISIONER_PROV_LINK_CLOSE_EVT:
        /* After a completion the request has already ended; a close before it is a failure with the link's reason. */
        provisioning_ended(DCM_EVENT_PROVISIONING_FAILED, 0, param->provisioner_prov_link_close.reason);
        break;
    default:
        break;
    }
}

bool dcm_provisioner_request_in_range(int32_t request_handle, int32_t destination, int32_t opcode, int32_t timeout_ms)
{
    return request_handle >= 1 && request_handle <= 0xFFFF && destination >= 1 && destination <= 0x7FFF && opcode >= 0 && timeout_ms >= 100
           && timeout_ms <= 1200000;
}

dcm_result_t dcm_provisioner_begin_request(int32_t request_handle, int32_t destination, int32_t opcode, int32_t timeout_ms, uint32_t client_model,
                                           esp_ble_mesh_client_common_param_t *common)
{
    esp_ble_mesh_model_t *client = dcm_glue.started ? dcm_glue_model(client_model) : NULL;
    dcm_platform_enter_critical();
    bool ready_now = dcm_glue.provisioner_ready;
    dcm_platform_exit_critical();
    if (client == NULL || !ready_now)
    {
        return DCM_RESULT_INVALID_STATE;
    }

    dcm_result_t begun = dcm_requests_begin(&dcm_glue.requests, (uint16_t)request_handle, (uint16_t)destination, (uint32_t)opcode);
    if (begun != DCM_RESULT_OK)
    {
        return begun;
    }

    memset(common, 0, sizeof *common);
    common->opcode = (uint32_t)opcode;
    common->model = client;
    dcm_glue_context(&common->ctx, (uint16_t)destination, 0, CONFIG_MESSAGE_TTL); /* the stack uses the device key */
    common->msg_timeout = timeout_ms;
    return DCM_RESULT_OK;
}

dcm_result_t dcm_mesh_send_config_request(int32_t request_handle, int32_t destination, int32_t opcode, const uint8_t *parameters,
                                          size_t length, int32_t timeout_ms)
{
    if (opcode >= 0 && dcm_df_is_request((uint32_t)opcode))
    {
        return dcm_directed_send_request(request_handle, destination, opcode, parameters, length, timeout_ms);
    }

    dcm_config_message_t request;
    if (!dcm_provisioner_request_in_range(request_handle, destination, opcode, timeout_ms) || dcm_config_decode_request((uint32_t)opcode, parameters, length, &request) != DCM_RESULT_OK)
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

    esp_ble_mesh_client_common_param_t common;
    dcm_result_t begun = dcm_provisioner_begin_request(request_handle, destination, opcode, timeout_ms, DCM_MODEL_CONFIG_CLIENT, &common);
    if (begun != DCM_RESULT_OK)
    {
        return begun;
    }

    esp_err_t error;
    if (opcode == (int32_t)DCM_CONFIG_COMPOSITION_DATA_GET)
    {
        esp_ble_mesh_cfg_client_get_state_t get;
        memset(&get, 0, sizeof get);
        get.comp_data_get.page = request.page;
        error = esp_ble_mesh_config_client_get_state(&common, &get);
    }
    else if (opcode == (int32_t)DCM_CONFIG_HEARTBEAT_SUB_GET)
    {
        esp_ble_mesh_cfg_client_get_state_t get; /* no parameters, but ESP-IDF wants a non-NULL get_state */
        memset(&get, 0, sizeof get);
        error = esp_ble_mesh_config_client_get_state(&common, &get);
    }
    else if (opcode == (int32_t)DCM_CONFIG_NODE_RESET)
    {
        error = esp_ble_mesh_config_client_set_state(&common, NULL);
    }
    else
    {
        esp_ble_mesh_cfg_client_set_state_t set;
        memset(&set, 0, sizeof set);
        switch ((uint32_t)opcode)
        {
        case DCM_CONFIG_APP_KEY_ADD:
            set.app_key_add.net_idx = request.net_index;
            set.app_key_add.app_idx = request.app_index;
            memcpy(set.app_key_add.app_key, request.app_key, DCM_KEY_LENGTH);
            break;
        case DCM_CONFIG_MODEL_APP_BIND:
            set.model_app_bind.element_addr = request.element_address;
            set.model_app_bind.model_app_idx = request.app_index;
            set.model_app_bind.model_id = request.model_id;
            set.model_app_bind.company_id = request.company_id;
            break;
        case DCM_CONFIG_MODEL_SUB_ADD:
            set.model_sub_add.element_addr = request.element_address;
            set.model_sub_add.sub_addr = request.address;
            set.model_sub_add.model_id = request.model_id;
            set.model_sub_add.company_id = request.company_id;
            break;
        case DCM_CONFIG_MODEL_PUB_SET:
            set.model_pub_set.element_addr = request.element_address;
            set.model_pub_set.publish_addr = request.address;
            set.model_pub_set.publish_app_idx = request.app_index;
            set.model_pub_set.cred_flag = request.credential_flag != 0u;
            set.model_pub_set.publish_ttl = request.ttl;
            set.model_pub_set.publish_period = request.period;
            set.model_pub_set.publish_retransmit = request.retransmit;
            set.model_pub_set.model_id = request.model_id;
            set.model_pub_set.company_id = request.company_id;
            break;
        case DCM_CONFIG_RELAY_SET:
            set.relay_set.relay = request.relay;
            set.relay_set.relay_retransmit = request.retransmit;
            break;
        case DCM_CONFIG_HEARTBEAT_PUB_SET:
            set.heartbeat_pub_set.dst = request.address;
            set.heartbeat_pub_set.count = request.count_log;
            set.heartbeat_pub_set.period = request.period;
            set.heartbeat_pub_set.ttl = request.ttl;
            set.heartbeat_pub_set.feature = request.features;
            set.heartbeat_pub_set.net_idx = request.net_index;
            break;
        case DCM_CONFIG_HEARTBEAT_SUB_SET:
            set.heartbeat_sub_set.src = request.source;
            set.heartbeat_sub_set.dst = request.address;
            set.heartbeat_sub_set.period = request.period;
            break;
        default: /* DCM_CONFIG_DEFAULT_TTL_SET: the decoder admits nothing else */
            set.default_ttl_set.ttl = request.ttl;
            break;
        }
        error = esp_ble_mesh_config_client_set_state(&common, &set);
    }

    if (error != ESP_OK)
    {
        dcm_requests_finish(&dcm_glue.requests, (uint16_t)destination, (uint32_t)opcode);
    }
    return dcm_glue_result_of(error);
}

/* The status fields of a config client event, by the request's opcode. */
static void status_of(uint32_t request_opcode, const esp_ble_mesh_cfg_client_common_cb_param_t *status, dcm_config_message_t *out,
                      const uint8_t **data, size_t *data_length)
{
    memset(out, 0, sizeof *out);
    out->opcode = dcm_config_status_opcode(request_opcode);
    *data = NULL;
    *data_length = 0;
    switch (request_opcode)
    {
    case DCM_CONFIG_COMPOSITION_DATA_GET:
        out->page = status->comp_data_status.page;
        if (status->comp_data_status.composition_data != NULL)
        {
            *data = status->comp_data_status.composition_data->data;
            *data_length = status->comp_data_status.composition_data->len;
        }
        break;
    case DCM_CONFIG_APP_KEY_ADD:
        out->status = status->appkey_status.status;
        out->net_index = status->appkey_status.net_idx;
        out->app_index = status->appkey_status.app_idx;
        break;
    case DCM_CONFIG_MODEL_APP_BIND:
        out->status = status->model_app_status.status;
        out->element_address = status->model_app_status.element_addr;
        out->app_index = status->model_app_status.app_idx;
        out->company_id = status->model_app_status.company_id;
        out->model_id = status->model_app_status.model_id;
        break;
    case DCM_CONFIG_MODEL_SUB_ADD:
        out->status = status->model_sub_status.status;
        out->element_address = status->model_sub_status.element_addr;
        out->address = status->model_sub_status.sub_addr;
        out->company_id = status->model_sub_status.company_id;
        out->model_id = status->model_sub_status.model_id;
        break;
    case DCM_CONFIG_MODEL_PUB_SET:
        out->status = status->model_pub_status.status;
        out->element_address = status->model_pub_status.element_addr;
        out->address = status->model_pub_status.publish_addr;
        out->app_index = status->model_pub_status.app_idx;
        out->credential_flag = status->model_pub_status.cred_flag ? 1u : 0u;
        out->ttl = status->model_pub_status.ttl;
        out->period = status->model_pub_status.period;
        out->retransmit = status->model_pub_status.transmit;
        out->company_id = status->model_pub_status.company_id;
        out->model_id = status->model_pub_status.model_id;
        break;
    case DCM_CONFIG_RELAY_SET:
        out->relay = status->relay_status.relay;
        out->retransmit = status->relay_status.retransmit;
        break;
    case DCM_CONFIG_DEFAULT_TTL_SET:
        out->ttl = status->default_ttl_status.default_ttl;
        break;
    case DCM_CONFIG_HEARTBEAT_PUB_SET:
        out->status = status->heartbeat_pub_status.status;
        out->address = status->heartbeat_pub_status.dst;
        out->count_log = status->heartbeat_pub_status.count;
        out->period = status->heartbeat_pub_status.period;
        out->ttl = status->heartbeat_pub_status.ttl;
        out->features = status->heartbeat_pub_status.features;
        out->net_index = status->heartbeat_pub_status.net_idx;
        break;
    case DCM_CONFIG_HEARTBEAT_SUB_SET:
    case DCM_CONFIG_HEARTBEAT_SUB_GET:
        out->status = status->heartbeat_sub_status.status;
        out->source = status->heartbeat_sub_status.src;
        out->address = status->heartbeat_sub_status.dst;
        out->period = status->heartbeat_sub_status.period;
        out->count_log = status->heartbeat_sub_status.count;
        out->min_hops = status->heartbeat_sub_status.min_hops;
        out->max_hops = status->heartbeat_sub_status.max_hops;
        break;
    default: /* Node Reset Status has no parameters */
        break;
    }
}

static void config_client_callback(esp_ble_mesh_cfg_client_cb_event_t event, esp_ble_mesh_cfg_client_cb_param_t *param)
{
    if (param->params == NULL)
    {
        return;
    }

    uint32_t request_opcode = param->params->opcode;
    uint16_t node = param->params->ctx.addr;
    switch (event)
    {
    case ESP_BLE_MESH_CFG_CLIENT_GET_STATE_EVT:
    case ESP_BLE_MESH_CFG_CLIENT_SET_STATE_EVT:
    {
        uint16_t handle = dcm_requests_finish(&dcm_glue.requests, node, request_opcode);
        if (handle == 0u)
        {
            break; /* not ours, or already ended */
        }
        if (param->error_code != 0)
        {
            dcm_glue_queue_event(DCM_EVENT_CONFIG_TIMED_OUT, node, 0, request_opcode, handle, param->error_code, NULL, 0);
            break;
        }

        dcm_config_message_t status;
        const uint8_t *data;
        size_t data_length;
        status_of(request_opcode, &param->status_cb, &status, &data, &data_length);
        uint8_t payload[DCM_EVENT_MAX_PAYLOAD];
        int length = dcm_config_encode_status(&status, data, data_length, payload, sizeof payload);
        dcm_glue_queue_event(DCM_EVENT_CONFIG_STATUS_RECEIVED, node, 0, status.opcode, handle, length < 0 ? -1 : status.status, payload,
                             length < 0 ? 0u : (size_t)length);
        break;
    }
    case ESP_BLE_MESH_CFG_CLIENT_TIMEOUT_EVT:
    {
        uint16_t handle = dcm_requests_finish(&dcm_glue.requests, node, request_opcode);
        if (handle != 0u)
        {
            dcm_glue_queue_event(DCM_EVENT_CONFIG_TIMED_OUT, node, 0, request_opcode, handle, 0, NULL, 0);
        }
        break;
    }
    default:
        break; /* unsolicited statuses: the provisioner asks for everything it needs */
    }
}

size_t dcm_mesh_read_provisioned_node(int32_t index, uint8_t *record, size_t capacity)
{
    if (!dcm_glue.started || index < 0 || record == NULL || capacity < 19u || dcm_glue_model(DCM_MODEL_CONFIG_CLIENT) == NULL)
    {
        return 0;
    }

    const esp_ble_mesh_node_t **table = esp_ble_mesh_provisioner_get_node_table_entry();
    int32_t seen = 0;
    for (size_t slot = 0; table != NULL && slot < CONFIG_BLE_MESH_MAX_PROV_NODES; slot++)
    {
        const esp_ble_mesh_node_t *node = table[slot];
        if (node == NULL || seen++ != index)
        {
            continue;
        }
        memcpy(record, node->dev_uuid, 16);
        record[16] = (uint8_t)node->unicast_addr;
        record[17] = (uint8_t)(node->unicast_addr >> 8);
        record[18] = node->element_num;
        return 19u;
    }
    return 0;
}

dcm_result_t dcm_mesh_delete_provisioned_node(const uint8_t *uuid, size_t uuid_length)
{
    if (uuid == NULL || uuid_length != 16u)
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }
    if (!dcm_glue.started || dcm_glue_model(DCM_MODEL_CONFIG_CLIENT) == NULL)
    {
        return DCM_RESULT_INVALID_STATE;
    }
    return dcm_glue_result_of(esp_ble_mesh_provisioner_delete_node_with_uuid(uuid));
}

esp_err_t dcm_provisioner_register_callbacks(void)
{
    return dcm_glue_model(DCM_MODEL_CONFIG_CLIENT) != NULL ? esp_ble_mesh_register_config_client_callback(config_client_callback) : ESP_OK;
}
