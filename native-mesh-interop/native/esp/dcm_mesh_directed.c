/*
 * Directed forwarding in the glue (Mesh Protocol 1.1 fixed paths; docs/directed-forwarding.md "Installing the paths"):
 *  - the provisioner's Directed Forwarding Configuration Client requests (Directed Control Set, Forwarding Table Add, Forwarding
 *    Table Dependents Add), which reach the native side through the same InternalCall as the Config Client requests
 *    (dcm_mesh_send_config_request), decoded by dcm_df_codec and sent with esp_ble_mesh_df_client_set_state; their statuses and
 *    timeouts come back as the same configuration events, the status in its on-air format;
 *  - on a node, at provisioning: Directed Forwarding and Directed Relay off (esp_ble_mesh_enable_directed_forwarding), whatever
 *    default the closed library gives a new subnet (bt_mesh_directed_forwarding_sub_init; not documented). A node without paths
 *    whose Directed Forwarding were on would flood each tagged message and also start a path discovery toward its requester
 *    (PATH_REQUEST floods); off, the tag is ignored until the provisioner's Directed Control Set, sent after the node's paths.
 *    A node that restarts already provisioned keeps what the stack restored: the states the provisioner set.
 * Everything here exists only in a build with CONFIG_BLE_MESH_DF_SRV / CONFIG_BLE_MESH_DF_CLI (the sdkconfig fragment sets both);
 * without them the requests are refused (InvalidState) and nothing is switched.
 */
#include <string.h>

#include "esp_ble_mesh_defs.h"
#include "esp_ble_mesh_local_data_operation_api.h"
#include "sdkconfig.h"

#include "dcm_composition.h"
#include "dcm_df_codec.h"
#include "dcm_event_queue.h"
#include "dcm_glue.h"
#include "dcm_platform.h"
#include "dcm_requests.h"

#if defined(CONFIG_BLE_MESH_DF_SRV) || defined(CONFIG_BLE_MESH_DF_CLI)
#include "esp_ble_mesh_df_model_api.h"
#endif

void dcm_directed_node_provisioned(uint16_t net_index)
{
#if defined(CONFIG_BLE_MESH_DF_SRV)
    (void)esp_ble_mesh_enable_directed_forwarding(net_index, false, false);
#else
    (void)net_index;
#endif
}

#if defined(CONFIG_BLE_MESH_DF_CLI)
static dcm_result_t send_request(const dcm_df_message_t *request, esp_ble_mesh_client_common_param_t *common)
{
    esp_ble_mesh_df_client_set_t set;
    memset(&set, 0, sizeof set);
    esp_ble_mesh_uar_t origins[DCM_DF_MAX_DEPENDENT_RANGES];
    esp_ble_mesh_uar_t targets[DCM_DF_MAX_DEPENDENT_RANGES];
    switch (request->opcode)
    {
    case DCM_DF_DIRECTED_CONTROL_SET:
        set.directed_control_set.net_idx = request->net_index;
        set.directed_control_set.directed_forwarding = request->directed_forwarding;
        set.directed_control_set.directed_relay = request->directed_relay;
        set.directed_control_set.directed_proxy = request->directed_proxy;
        set.directed_control_set.directed_proxy_use_default = request->directed_proxy_use_default;
        set.directed_control_set.directed_friend = request->directed_friend;
        break;
    case DCM_DF_FORWARDING_TABLE_ADD:
        set.forwarding_table_add.net_idx = request->net_index & 0x0FFFu; /* 12-bit field; the decoder admits <= 0x0FFF */
        set.forwarding_table_add.unicast_dst = request->unicast_destination != 0u;
        set.forwarding_table_add.bw_path_validated = request->backward_path_validated != 0u;
        set.forwarding_table_add.path_origin.len_present = request->path_origin.length > 1u;
        set.forwarding_table_add.path_origin.range_start = request->path_origin.first & 0x7FFFu; /* 15-bit unicast address */
        set.forwarding_table_add.path_origin.range_length = request->path_origin.length;
        if (request->unicast_destination != 0u)
        {
            set.forwarding_table_add.path_target.len_present = request->path_target.length > 1u;
            set.forwarding_table_add.path_target.range_start = request->path_target.first & 0x7FFFu;
            set.forwarding_table_add.path_target.range_length = request->path_target.length;
        }
        else
        {
            set.forwarding_table_add.multicast_dst = request->destination;
        }
        set.forwarding_table_add.bearer_twd_path_origin = request->bearer_toward_origin;
        set.forwarding_table_add.bearer_twd_path_target = request->bearer_toward_target;
        break;
    default: /* DCM_DF_FORWARDING_TABLE_DEPS_ADD: the decoder admits nothing else */
        for (size_t i = 0; i < request->dependent_origin_count; i++)
        {
            origins[i].len_present = request->dependents[i].length > 1u;
            origins[i].range_start = request->dependents[i].first & 0x7FFFu;
            origins[i].range_length = request->dependents[i].length;
        }
        for (size_t i = 0; i < request->dependent_target_count; i++)
        {
            const dcm_df_range_t *range = &request->dependents[request->dependent_origin_count + i];
            targets[i].len_present = range->length > 1u;
            targets[i].range_start = range->first & 0x7FFFu;
            targets[i].range_length = range->length;
        }
        set.forwarding_table_deps_add.net_idx = request->net_index;
        set.forwarding_table_deps_add.path_origin = request->origin_address;
        set.forwarding_table_deps_add.dst = request->destination;
        set.forwarding_table_deps_add.dep_origin_uar_list_size = request->dependent_origin_count;
        set.forwarding_table_deps_add.dep_target_uar_list_size = request->dependent_target_count;
        set.forwarding_table_deps_add.dep_origin_uar_list = request->dependent_origin_count > 0u ? origins : NULL;
        set.forwarding_table_deps_add.dep_target_uar_list = request->dependent_target_count > 0u ? targets : NULL;
        break;
    }
    return dcm_glue_result_of(esp_ble_mesh_df_client_set_state(common, &set));
}
#endif

dcm_result_t dcm_directed_send_request(int32_t request_handle, int32_t destination, int32_t opcode, const uint8_t *parameters, size_t length,
                                       int32_t timeout_ms)
{
    dcm_df_message_t request;
    if (!dcm_provisioner_request_in_range(request_handle, destination, opcode, timeout_ms) || dcm_df_decode_request((uint32_t)opcode, parameters, length, &request) != DCM_RESULT_OK)
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

#if defined(CONFIG_BLE_MESH_DF_CLI)
    esp_ble_mesh_client_common_param_t common;
    dcm_result_t begun = dcm_provisioner_begin_request(request_handle, destination, opcode, timeout_ms, DCM_MODEL_DF_CLIENT, &common);
    if (begun != DCM_RESULT_OK)
    {
        return begun;
    }

    dcm_result_t result = send_request(&request, &common);
    if (result != DCM_RESULT_OK)
    {
        dcm_requests_finish(&dcm_glue.requests, (uint16_t)destination, (uint32_t)opcode);
    }
    return result;
#else
    return DCM_RESULT_INVALID_STATE;
#endif
}

#if defined(CONFIG_BLE_MESH_DF_CLI)
/* The status fields of a DF client event, by the request's opcode. */
static void status_of(uint32_t request_opcode, const esp_ble_mesh_df_client_recv_cb_t *received, dcm_df_message_t *out)
{
    memset(out, 0, sizeof *out);
    out->opcode = dcm_df_status_opcode(request_opcode);
    switch (request_opcode)
    {
    case DCM_DF_DIRECTED_CONTROL_SET:
        out->status = received->directed_control_status.status;
        out->net_index = received->directed_control_status.net_idx;
        out->directed_forwarding = received->directed_control_status.directed_forwarding;
        out->directed_relay = received->directed_control_status.directed_relay;
        out->directed_proxy = received->directed_control_status.directed_proxy;
        out->directed_proxy_use_default = received->directed_control_status.directed_proxy_use_default;
        out->directed_friend = received->directed_control_status.directed_friend;
        break;
    case DCM_DF_FORWARDING_TABLE_ADD:
        out->status = received->forwarding_table_status.status;
        out->net_index = received->forwarding_table_status.net_idx;
        out->origin_address = received->forwarding_table_status.path_origin;
        out->destination = received->forwarding_table_status.dst;
        break;
    default:
        out->status = received->forwarding_table_deps_status.status;
        out->net_index = received->forwarding_table_deps_status.net_idx;
        out->origin_address = received->forwarding_table_deps_status.path_origin;
        out->destination = received->forwarding_table_deps_status.dst;
        break;
    }
}

static void df_client_callback(esp_ble_mesh_df_client_cb_event_t event, esp_ble_mesh_df_client_cb_param_t *param)
{
    if (param == NULL || param->params == NULL || !dcm_df_is_request(param->params->opcode))
    {
        return;
    }

    uint32_t request_opcode = param->params->opcode;
    uint16_t node = param->params->ctx.addr;
    uint16_t handle;
    switch (event)
    {
    case ESP_BLE_MESH_DF_CLIENT_RECV_SET_RSP_EVT:
    {
        handle = dcm_requests_finish(&dcm_glue.requests, node, request_opcode);
        if (handle == 0u)
        {
            break; /* not ours, or already ended */
        }
        dcm_df_message_t status;
        status_of(request_opcode, &param->recv, &status);
        uint8_t payload[8];
        int length = dcm_df_encode_status(&status, payload, sizeof payload);
        dcm_glue_queue_event(DCM_EVENT_CONFIG_STATUS_RECEIVED, node, 0, status.opcode, handle, length < 0 ? -1 : status.status, payload,
                             length < 0 ? 0u : (size_t)length);
        break;
    }
    case ESP_BLE_MESH_DF_CLIENT_SEND_COMP_EVT:
        if (param->send.err_code == 0)
        {
            break; /* sent: the status or the timeout follows */
        }
        handle = dcm_requests_finish(&dcm_glue.requests, node, request_opcode);
        if (handle != 0u)
        {
            dcm_glue_queue_event(DCM_EVENT_CONFIG_TIMED_OUT, node, 0, request_opcode, handle, param->send.err_code, NULL, 0);
        }
        break;
    case ESP_BLE_MESH_DF_CLIENT_SEND_TIMEOUT_EVT:
        handle = dcm_requests_finish(&dcm_glue.requests, node, request_opcode);
        if (handle != 0u)
        {
            dcm_glue_queue_event(DCM_EVENT_CONFIG_TIMED_OUT, node, 0, request_opcode, handle, 0, NULL, 0);
        }
        break;
    default:
        break; /* get responses and unsolicited statuses: the provisioner sends only the three requests */
    }
}
#endif

esp_err_t dcm_directed_register_callbacks(void)
{
#if defined(CONFIG_BLE_MESH_DF_CLI)
    return dcm_glue_model(DCM_MODEL_DF_CLIENT) != NULL ? esp_ble_mesh_register_df_client_callback(df_client_callback) : ESP_OK;
#else
    return ESP_OK;
#endif
}
