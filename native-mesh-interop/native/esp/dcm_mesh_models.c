/*
 * Vendor client and server, Generic OnOff client and server, and the Config Server's change notices: the sends of
 * dcm_mesh.h and the ESP-BLE-MESH callbacks that turn into event records (layouts in MeshEventKind).
 *
 * Callbacks run in ESP-BLE-MESH's BTC task; they copy what they need into the event ring (no allocation) and use the
 * core's tables for request matching and reply contexts. Sends run on the CLR thread.
 */
#include <string.h>

#include "esp_ble_mesh_config_model_api.h"
#include "esp_ble_mesh_defs.h"
#include "esp_ble_mesh_generic_model_api.h"
#include "esp_ble_mesh_local_data_operation_api.h"
#include "esp_ble_mesh_networking_api.h"
#include "esp_ble_mesh_provisioning_api.h"

#include "dcm_address.h"
#include "dcm_composition.h"
#include "dcm_directed_tag.h"
#include "dcm_glue.h"
#include "dcm_platform.h"
#include "dcm_reply_ttl.h"

/* True in a build with the Directed Forwarding Configuration Server (docs/directed-forwarding.md: not yet in the
 * sdkconfig fragment, so vendor messages keep the stack's default credentials until the provisioner installs paths). */
#if defined(CONFIG_BLE_MESH_DF_SRV) && CONFIG_BLE_MESH_DF_SRV
#define DCM_DIRECTED_FORWARDING_BUILT true
#else
#define DCM_DIRECTED_FORWARDING_BUILT false
#endif

_Static_assert(DCM_REPLY_TTL_DEFAULT == ESP_BLE_MESH_TTL_DEFAULT, "the core's default-TTL marker is ESP-IDF's");

#define ONOFF_GET 0x8201u
#define ONOFF_SET 0x8202u
#define ONOFF_SET_UNACKNOWLEDGED 0x8203u
#define ONOFF_STATUS 0x8204u

static uint8_t onoff_transaction_id;

static bool is_vendor_opcode(int32_t opcode)
{
    return opcode >= 0xC00000 && opcode <= 0xFFFFFF;
}

static bool valid_ttl(int32_t ttl)
{
    return (ttl >= 0 && ttl <= 0x7F) || ttl == ESP_BLE_MESH_TTL_DEFAULT;
}

/* The usable model for `flag`: present, in the network (a provisioned node, or the provisioner once its keys are in
 * place) and an AppKey bound (its index in `app_index`). */
static esp_ble_mesh_model_t *usable(uint32_t flag, uint16_t *app_index)
{
    dcm_platform_enter_critical();
    bool provisioner_ready = dcm_glue.provisioner_ready;
    dcm_platform_exit_critical();
    esp_ble_mesh_model_t *model = dcm_glue.started ? dcm_glue_model(flag) : NULL;
    if (model == NULL || !(esp_ble_mesh_node_is_provisioned() || provisioner_ready))
    {
        return NULL;
    }
    return dcm_glue_bound_app_key(model, app_index) ? model : NULL;
}

static uint32_t request_of_status(uint32_t status_opcode)
{
    return status_opcode == DCM_OPCODE_VENDOR_STATUS_TEXT ? DCM_OPCODE_VENDOR_SEND_TEXT : DCM_OPCODE_VENDOR_SEND_BINARY;
}

/* ---- vendor models ----------------------------------------------------------------------------------- */

dcm_result_t dcm_mesh_send_vendor(int32_t destination, int32_t opcode, const uint8_t *payload, size_t length, int32_t ttl,
                                  bool acknowledged, int32_t timeout_ms)
{
    if (destination <= 0 || destination > 0xFFFF || !is_vendor_opcode(opcode) || length > DCM_EVENT_MAX_PAYLOAD
        || (payload == NULL && length > 0u) || !valid_ttl(ttl) || timeout_ms < 0)
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

    uint16_t app_index;
    esp_ble_mesh_model_t *model = usable(DCM_MODEL_VENDOR_CLIENT, &app_index);
    if (model == NULL)
    {
        return DCM_RESULT_INVALID_STATE;
    }

    /* The stack arms a timer only for unicast destinations with need_rsp (client_common.c bt_mesh_client_send_msg). */
    bool tracked = acknowledged && dcm_address_is_unicast(destination);
    if (tracked)
    {
        dcm_result_t begun = dcm_requests_begin(&dcm_glue.requests, dcm_glue_next_request_id(), (uint16_t)destination, (uint32_t)opcode);
        if (begun != DCM_RESULT_OK)
        {
            return begun;
        }
    }

    esp_ble_mesh_msg_ctx_t context;
    dcm_glue_context(&context, (uint16_t)destination, app_index, (uint8_t)ttl);
    context.send_tag = dcm_directed_send_tag(destination, DCM_DIRECTED_FORWARDING_BUILT); /* along a directed path when one exists */
    esp_err_t error = esp_ble_mesh_client_model_send_msg(model, &context, (uint32_t)opcode, (uint16_t)length, (uint8_t *)payload,
                                                         tracked ? timeout_ms : 0, tracked, ROLE_NODE);
    if (error != ESP_OK && tracked)
    {
        dcm_requests_finish(&dcm_glue.requests, (uint16_t)destination, (uint32_t)opcode);
    }
    return dcm_glue_result_of(error);
}

dcm_result_t dcm_mesh_reply_vendor(int32_t request_handle, int32_t opcode, const uint8_t *payload, size_t length)
{
    if (request_handle <= 0 || request_handle > 0xFFFF || !is_vendor_opcode(opcode) || length > DCM_EVENT_MAX_PAYLOAD
        || (payload == NULL && length > 0u))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

    uint16_t app_index;
    esp_ble_mesh_model_t *model = usable(DCM_MODEL_VENDOR_SERVER, &app_index);
    if (model == NULL)
    {
        return DCM_RESULT_INVALID_STATE;
    }

    dcm_reply_context_t request;
    if (!dcm_reply_table_take(&dcm_glue.replies, (uint16_t)request_handle, DCM_MODEL_VENDOR_SERVER, &request))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

    /* To the requester's unicast address, from ours (also for requests sent to a group, seed §4.3), with the request's
     * keys, and a TTL scoped to the hops the request took (dcm_reply_ttl.h: relays beyond the requester's distance do
     * not forward it; the default TTL when the hops are unknown), tagged to follow a directed path to the requester when
     * the node holds one (dcm_directed_tag.h, docs/directed-forwarding.md). */
    esp_ble_mesh_msg_ctx_t context;
    dcm_glue_context(&context, request.source, request.app_index, dcm_reply_ttl(request.received_ttl));
    context.net_idx = request.net_index;
    context.send_tag = dcm_directed_send_tag(request.source, DCM_DIRECTED_FORWARDING_BUILT);
    return dcm_glue_result_of(esp_ble_mesh_server_model_send_msg(model, &context, (uint32_t)opcode, (uint16_t)length, (uint8_t *)payload));
}

dcm_result_t dcm_mesh_publish_vendor(int32_t opcode, const uint8_t *payload, size_t length)
{
    if (!is_vendor_opcode(opcode) || length > DCM_EVENT_MAX_PAYLOAD || (payload == NULL && length > 0u))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

    uint16_t app_index;
    esp_ble_mesh_model_t *model = usable(DCM_MODEL_VENDOR_SERVER, &app_index);
    if (model == NULL || model->pub == NULL || model->pub->publish_addr == ESP_BLE_MESH_ADDR_UNASSIGNED)
    {
        return DCM_RESULT_INVALID_STATE;
    }
    return dcm_glue_result_of(esp_ble_mesh_model_publish(model, (uint32_t)opcode, (uint16_t)length, (uint8_t *)payload, ROLE_NODE));
}

static void remember_request(const esp_ble_mesh_msg_ctx_t *context, uint8_t model_flag, uint16_t *handle)
{
    dcm_reply_context_t request = {
        .source = context->addr,
        .destination = context->recv_dst,
        .net_index = context->net_idx,
        .app_index = context->app_idx,
        .model = model_flag,
        .received_ttl = context->recv_ttl,
    };
    *handle = dcm_reply_table_put(&dcm_glue.replies, &request);
}

static void custom_model_callback(esp_ble_mesh_model_cb_event_t event, esp_ble_mesh_model_cb_param_t *param)
{
    esp_ble_mesh_model_t *vendor_server = dcm_glue_model(DCM_MODEL_VENDOR_SERVER);
    esp_ble_mesh_model_t *vendor_client = dcm_glue_model(DCM_MODEL_VENDOR_CLIENT);
    uint16_t own = esp_ble_mesh_get_primary_element_address();
    switch (event)
    {
    case ESP_BLE_MESH_MODEL_OPERATION_EVT:
    {
        const esp_ble_mesh_msg_ctx_t *context = param->model_operation.ctx;
        uint16_t handle = 0;
        if (param->model_operation.model == vendor_server)
        {
            /* The uplink command is unacknowledged and never answered: no reply context, handle 0. */
            if (param->model_operation.opcode != DCM_OPCODE_VENDOR_UPLINK_COMMAND)
            {
                remember_request(context, DCM_MODEL_VENDOR_SERVER, &handle);
            }
        }
        else if (param->model_operation.model == vendor_client)
        {
            /* A matched response: the stack has cancelled the request's timer. */
            dcm_requests_finish(&dcm_glue.requests, context->addr, request_of_status(param->model_operation.opcode));
        }
        else
        {
            break;
        }
        dcm_glue_queue_event(DCM_EVENT_VENDOR_MESSAGE_RECEIVED, context->addr, context->recv_dst, param->model_operation.opcode, handle, 0,
                             param->model_operation.msg, param->model_operation.length);
        break;
    }
    case ESP_BLE_MESH_CLIENT_MODEL_RECV_PUBLISH_MSG_EVT:
    {
        /* Messages that match no pending request: replies to group sends and late replies addressed to us, and the
         * MQTT uplink reports published to a group (the stack delivers only groups the client subscribes to). Those
         * addressed to another unicast or a virtual address are dropped. */
        const esp_ble_mesh_msg_ctx_t *context = param->client_recv_publish_msg.ctx;
        if (param->client_recv_publish_msg.model == vendor_client && (context->recv_dst == own || dcm_address_is_group(context->recv_dst)))
        {
            dcm_glue_queue_event(DCM_EVENT_VENDOR_MESSAGE_RECEIVED, context->addr, context->recv_dst, param->client_recv_publish_msg.opcode, 0, 0,
                                 param->client_recv_publish_msg.msg, param->client_recv_publish_msg.length);
        }
        break;
    }
    case ESP_BLE_MESH_MODEL_SEND_COMP_EVT:
        if (param->model_send_comp.model == vendor_client)
        {
            uint16_t destination = param->model_send_comp.ctx != NULL ? param->model_send_comp.ctx->addr : 0u;
            if (param->model_send_comp.err_code != 0)
            {
                /* Not sent: no timer runs, so the request ends here (reported by the value). */
                dcm_requests_finish(&dcm_glue.requests, destination, param->model_send_comp.opcode);
            }
            dcm_glue_queue_event(DCM_EVENT_VENDOR_SEND_COMPLETED, own, destination, param->model_send_comp.opcode, 0,
                                 param->model_send_comp.err_code, NULL, 0);
        }
        break;
    case ESP_BLE_MESH_CLIENT_MODEL_SEND_TIMEOUT_EVT:
    {
        uint16_t destination = param->client_send_timeout.ctx != NULL ? param->client_send_timeout.ctx->addr : 0u;
        if (param->client_send_timeout.model == vendor_client
            && dcm_requests_finish(&dcm_glue.requests, destination, param->client_send_timeout.opcode) != 0u)
        {
            dcm_glue_queue_event(DCM_EVENT_VENDOR_SEND_TIMED_OUT, own, destination, param->client_send_timeout.opcode, 0, 0, NULL, 0);
        }
        break;
    }
    default:
        break; /* publish completion and update: nothing for managed code */
    }
}

/* ---- Generic OnOff -------------------------------------------------------------------------------------- */

dcm_result_t dcm_mesh_send_onoff(int32_t destination, bool on, bool acknowledged, int32_t ttl, int32_t timeout_ms)
{
    if (destination <= 0 || destination > 0xFFFF || !valid_ttl(ttl) || timeout_ms < 0)
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

    uint16_t app_index;
    esp_ble_mesh_model_t *model = usable(DCM_MODEL_GENERIC_ONOFF_CLIENT, &app_index);
    if (model == NULL)
    {
        return DCM_RESULT_INVALID_STATE;
    }

    bool tracked = acknowledged && dcm_address_is_unicast(destination);
    if (tracked)
    {
        dcm_result_t begun = dcm_requests_begin(&dcm_glue.requests, dcm_glue_next_request_id(), (uint16_t)destination, ONOFF_SET);
        if (begun != DCM_RESULT_OK)
        {
            return begun;
        }
    }

    esp_ble_mesh_client_common_param_t common;
    memset(&common, 0, sizeof common);
    common.opcode = acknowledged ? ONOFF_SET : ONOFF_SET_UNACKNOWLEDGED;
    common.model = model;
    dcm_glue_context(&common.ctx, (uint16_t)destination, app_index, (uint8_t)ttl);
    common.msg_timeout = timeout_ms;

    esp_ble_mesh_generic_client_set_state_t set;
    memset(&set, 0, sizeof set);
    set.onoff_set.op_en = false;
    set.onoff_set.onoff = on ? 1u : 0u;
    dcm_platform_enter_critical();
    set.onoff_set.tid = ++onoff_transaction_id;
    dcm_platform_exit_critical();

    esp_err_t error = esp_ble_mesh_generic_client_set_state(&common, &set);
    if (error != ESP_OK && tracked)
    {
        dcm_requests_finish(&dcm_glue.requests, (uint16_t)destination, ONOFF_SET);
    }
    return dcm_glue_result_of(error);
}

dcm_result_t dcm_mesh_reply_onoff(int32_t request_handle, bool present_state)
{
    if (request_handle <= 0 || request_handle > 0xFFFF)
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

    uint16_t app_index;
    esp_ble_mesh_model_t *model = usable(DCM_MODEL_GENERIC_ONOFF_SERVER, &app_index);
    if (model == NULL)
    {
        return DCM_RESULT_INVALID_STATE;
    }

    dcm_reply_context_t request;
    if (!dcm_reply_table_take(&dcm_glue.replies, (uint16_t)request_handle, DCM_MODEL_GENERIC_ONOFF_SERVER, &request))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

    esp_ble_mesh_gen_onoff_srv_t *server = (esp_ble_mesh_gen_onoff_srv_t *)model->user_data;
    uint8_t present = present_state ? 1u : 0u;
    server->state.onoff = present;
    server->state.target_onoff = present;
    esp_ble_mesh_msg_ctx_t context;
    dcm_glue_context(&context, request.source, request.app_index, ESP_BLE_MESH_TTL_DEFAULT);
    context.net_idx = request.net_index;
    return dcm_glue_result_of(esp_ble_mesh_server_model_send_msg(model, &context, ONOFF_STATUS, 1, &present));
}

static void generic_client_callback(esp_ble_mesh_generic_client_cb_event_t event, esp_ble_mesh_generic_client_cb_param_t *param)
{
    if (param->params == NULL)
    {
        return;
    }

    uint16_t peer = param->params->ctx.addr;
    uint16_t own = esp_ble_mesh_get_primary_element_address();
    switch (event)
    {
    case ESP_BLE_MESH_GENERIC_CLIENT_SET_STATE_EVT:
        dcm_requests_finish(&dcm_glue.requests, peer, ONOFF_SET);
        if (param->error_code != 0)
        {
            dcm_glue_queue_event(DCM_EVENT_ONOFF_TIMED_OUT, own, peer, ONOFF_SET, 0, param->error_code, NULL, 0);
        }
        else
        {
            dcm_glue_queue_event(DCM_EVENT_ONOFF_STATUS_RECEIVED, peer, own, ONOFF_STATUS, 0, param->status_cb.onoff_status.present_onoff, NULL, 0);
        }
        break;
    case ESP_BLE_MESH_GENERIC_CLIENT_PUBLISH_EVT:
        if (param->params->opcode == ONOFF_STATUS)
        {
            dcm_glue_queue_event(DCM_EVENT_ONOFF_STATUS_RECEIVED, peer, param->params->ctx.recv_dst, ONOFF_STATUS, 0,
                                 param->status_cb.onoff_status.present_onoff, NULL, 0);
        }
        break;
    case ESP_BLE_MESH_GENERIC_CLIENT_TIMEOUT_EVT:
        if (dcm_requests_finish(&dcm_glue.requests, peer, ONOFF_SET) != 0u)
        {
            dcm_glue_queue_event(DCM_EVENT_ONOFF_TIMED_OUT, own, peer, ONOFF_SET, 0, 0, NULL, 0);
        }
        break;
    default:
        break;
    }
}

static void generic_server_callback(esp_ble_mesh_generic_server_cb_event_t event, esp_ble_mesh_generic_server_cb_param_t *param)
{
    if (param->model != dcm_glue_model(DCM_MODEL_GENERIC_ONOFF_SERVER))
    {
        return;
    }

    uint32_t opcode = param->ctx.recv_op;
    uint16_t handle = 0;
    switch (event)
    {
    case ESP_BLE_MESH_GENERIC_SERVER_RECV_GET_MSG_EVT:
        if (opcode == ONOFF_GET)
        {
            remember_request(&param->ctx, DCM_MODEL_GENERIC_ONOFF_SERVER, &handle);
            dcm_glue_queue_event(DCM_EVENT_ONOFF_SERVER_MESSAGE, param->ctx.addr, param->ctx.recv_dst, opcode, handle, -1, NULL, 0);
        }
        break;
    case ESP_BLE_MESH_GENERIC_SERVER_RECV_SET_MSG_EVT:
        if (opcode == ONOFF_SET || opcode == ONOFF_SET_UNACKNOWLEDGED)
        {
            if (opcode == ONOFF_SET)
            {
                remember_request(&param->ctx, DCM_MODEL_GENERIC_ONOFF_SERVER, &handle);
            }
            dcm_glue_queue_event(DCM_EVENT_ONOFF_SERVER_MESSAGE, param->ctx.addr, param->ctx.recv_dst, opcode, handle,
                                 param->value.set.onoff.onoff, NULL, 0);
        }
        break;
    default:
        break; /* STATE_CHANGE_EVT only with automatic responses, which this server does not use */
    }
}

/* ---- Config Server notices ------------------------------------------------------------------------------ */

static void config_server_callback(esp_ble_mesh_cfg_server_cb_event_t event, esp_ble_mesh_cfg_server_cb_param_t *param)
{
    if (event == ESP_BLE_MESH_CFG_SERVER_STATE_CHANGE_EVT)
    {
        dcm_glue_queue_event(DCM_EVENT_CONFIGURATION_CHANGED, 0, 0, param->ctx.recv_op, 0, 0, NULL, 0);
    }
}

esp_err_t dcm_models_register_callbacks(void)
{
    esp_err_t error = esp_ble_mesh_register_custom_model_callback(custom_model_callback);
    if (error == ESP_OK)
    {
        error = esp_ble_mesh_register_config_server_callback(config_server_callback);
    }
    if (error == ESP_OK)
    {
        error = esp_ble_mesh_register_generic_client_callback(generic_client_callback);
    }
    if (error == ESP_OK)
    {
        error = esp_ble_mesh_register_generic_server_callback(generic_server_callback);
    }
    return error;
}

esp_err_t dcm_models_after_init(void)
{
    /* The vendor client's operations are routed to the client handler by client_model_init (after esp_ble_mesh_init,
     * as the vendor_client example does); the server keeps its own operations (docs/reference/esp-ble-mesh.md §1). */
    esp_ble_mesh_model_t *vendor_client = dcm_glue_model(DCM_MODEL_VENDOR_CLIENT);
    return vendor_client != NULL ? esp_ble_mesh_client_model_init(vendor_client) : ESP_OK;
}
