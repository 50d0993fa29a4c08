// The fake ESP-IDF / NimBLE: see fake_idf.h. Behaviour follows what the real functions do where the glue depends on
// it (docs/reference/esp-ble-mesh.md and the ESP-IDF v5.5.4 sources cited in native/esp): esp_* calls only record and
// return the chosen result (their outcomes arrive later through callbacks the test raises), NimBLE assigns value
// handles at ble_gatts_add_svcs, ble_hs_mbuf_to_flat refuses a value longer than the buffer (BLE_HS_EMSGSIZE),
// ble_gatts_notify_custom consumes its buffer.
#include "fake_idf.h"
#include "fake_platform.h"

#include <cstring>
#include <string>

extern "C" {
#include "services/gap/ble_svc_gap.h"
#include "nimble/nimble_port.h"
#include "nimble/nimble_port_freertos.h"
#include "esp_ble_mesh_local_data_operation_api.h"
#include "esp_timer.h"
#include "mbedtls/aes.h"
void dcm_mesh_forget_start_for_tests(void);
void dcm_gatt_security_forget_for_tests(void);
void dcm_central_forget_for_tests(void);
}

#include <openssl/evp.h>

FakeIdf g_idf;
struct ble_hs_cfg ble_hs_cfg;

namespace
{
bool g_synced = false;
uint16_t g_data_handle = 0;
uint16_t g_command_handle = 0;

FakeSend &Record(const char *api, esp_ble_mesh_model_t *model, const esp_ble_mesh_msg_ctx_t *ctx, uint32_t opcode, const uint8_t *data, uint16_t length)
{
    FakeSend send;
    send.api = api;
    send.model = model;
    if (ctx != nullptr)
    {
        send.ctx = *ctx;
    }
    send.opcode = opcode;
    if (data != nullptr)
    {
        send.data.assign(data, data + length);
    }
    g_idf.sends.push_back(send);
    return g_idf.sends.back();
}
// "ADV", "GATT", "ADV|GATT", or the raw value for anything else (so a test sees exactly which bearers were asked for).
std::string BearerNames(esp_ble_mesh_prov_bearer_t bearers)
{
    switch (static_cast<int>(bearers))
    {
    case ESP_BLE_MESH_PROV_ADV: return "ADV";
    case ESP_BLE_MESH_PROV_GATT: return "GATT";
    case ESP_BLE_MESH_PROV_ADV | ESP_BLE_MESH_PROV_GATT: return "ADV|GATT";
    default: return std::to_string(static_cast<int>(bearers));
    }
}

// The host task syncs with the controller once the CLR thread has slept sync_after_ms in total (a slow controller).
void SyncWhenDue()
{
    if (!g_synced && g_idf.sync_after_ms >= 0 && g_slept_ms >= static_cast<uint32_t>(g_idf.sync_after_ms) && ble_hs_cfg.sync_cb != nullptr)
    {
        g_synced = true;
        ble_hs_cfg.sync_cb();
    }
}
} // namespace

uint16_t FakeIdf::data_handle() const
{
    return g_data_handle;
}

uint16_t FakeIdf::command_handle() const
{
    return g_command_handle;
}

void ResetFakeIdf()
{
    g_idf = FakeIdf();
    ble_hs_cfg = {};
    g_synced = false;
    g_data_handle = 0;
    g_command_handle = 0;
    g_slept_ms = 0;
    g_log.clear();
    g_on_sleep = SyncWhenDue;
    dcm_mesh_forget_start_for_tests();
    dcm_gatt_security_forget_for_tests();
    dcm_central_forget_for_tests();
}

extern "C" {

// ---- ESP-BLE-MESH --------------------------------------------------------------------------------------------

esp_err_t esp_ble_mesh_init(esp_ble_mesh_prov_t *prov, esp_ble_mesh_comp_t *comp)
{
    g_idf.calls.push_back("esp_ble_mesh_init");
    g_idf.prov = prov;
    g_idf.comp = comp;
    return g_idf.init_result;
}

esp_err_t esp_ble_mesh_register_prov_callback(esp_ble_mesh_prov_cb_t callback)
{
    g_idf.calls.push_back("register_prov_callback");
    g_idf.prov_cb = callback;
    return ESP_OK;
}

bool esp_ble_mesh_node_is_provisioned(void)
{
    return g_idf.provisioned;
}

esp_err_t esp_ble_mesh_node_prov_enable(esp_ble_mesh_prov_bearer_t bearers)
{
    g_idf.calls.push_back("node_prov_enable(" + BearerNames(bearers) + ")");
    return ESP_OK;
}

esp_err_t esp_ble_mesh_provisioner_prov_enable(esp_ble_mesh_prov_bearer_t bearers)
{
    g_idf.calls.push_back("provisioner_prov_enable(" + BearerNames(bearers) + ")");
    return ESP_OK;
}

esp_err_t esp_ble_mesh_provisioner_set_dev_uuid_match(const uint8_t *match_val, uint8_t match_len, uint8_t offset, bool prov_after_match)
{
    g_idf.calls.push_back(std::string("set_dev_uuid_match(offset ") + std::to_string(offset) + (prov_after_match ? ", auto)" : ", report)"));
    g_idf.uuid_match.assign(match_val, match_val + match_len);
    return ESP_OK;
}

esp_err_t esp_ble_mesh_provisioner_prov_device_with_addr(const uint8_t uuid[16], esp_ble_mesh_bd_addr_t addr, esp_ble_mesh_addr_type_t addr_type,
                                                         esp_ble_mesh_prov_bearer_t bearer, uint16_t oob_info, uint16_t unicast_addr)
{
    (void)addr;
    (void)addr_type;
    (void)oob_info;
    g_idf.calls.push_back(bearer == ESP_BLE_MESH_PROV_ADV ? "prov_device_with_addr(ADV)" : "prov_device_with_addr(GATT)");
    g_idf.provisioned_uuid.assign(uuid, uuid + 16);
    g_idf.provisioned_address = unicast_addr;
    return g_idf.send_result;
}

esp_err_t esp_ble_mesh_provisioner_set_static_oob_value(const uint8_t *value, uint8_t length)
{
    g_idf.calls.push_back("set_static_oob_value");
    g_idf.static_oob.assign(value, value + length);
    return ESP_OK;
}

esp_err_t esp_ble_mesh_register_custom_model_callback(esp_ble_mesh_model_cb_t callback)
{
    g_idf.model_cb = callback;
    return ESP_OK;
}

esp_err_t esp_ble_mesh_client_model_init(esp_ble_mesh_model_t *model)
{
    g_idf.calls.push_back(std::string("client_model_init(") + std::to_string(model->vnd.model_id) + ")");
    return ESP_OK;
}

esp_err_t esp_ble_mesh_server_model_send_msg(esp_ble_mesh_model_t *model, esp_ble_mesh_msg_ctx_t *ctx, uint32_t opcode, uint16_t length, uint8_t *data)
{
    Record("server", model, ctx, opcode, data, length);
    return g_idf.send_result;
}

esp_err_t esp_ble_mesh_client_model_send_msg(esp_ble_mesh_model_t *model, esp_ble_mesh_msg_ctx_t *ctx, uint32_t opcode, uint16_t length, uint8_t *data,
                                             int32_t msg_timeout, bool need_rsp, esp_ble_mesh_dev_role_t device_role)
{
    (void)device_role;
    FakeSend &send = Record("client", model, ctx, opcode, data, length);
    send.timeout = msg_timeout;
    send.need_response = need_rsp;
    return g_idf.send_result;
}

esp_err_t esp_ble_mesh_model_publish(esp_ble_mesh_model_t *model, uint32_t opcode, uint16_t length, uint8_t *data, esp_ble_mesh_dev_role_t device_role)
{
    (void)device_role;
    Record("publish", model, nullptr, opcode, data, length);
    return g_idf.send_result;
}

esp_err_t esp_ble_mesh_node_local_reset(void)
{
    g_idf.calls.push_back("node_local_reset");
    return ESP_OK;
}

esp_err_t esp_ble_mesh_provisioner_add_local_app_key(const uint8_t app_key[16], uint16_t net_idx, uint16_t app_idx)
{
    g_idf.calls.push_back("add_local_app_key(" + std::to_string(net_idx) + "," + std::to_string(app_idx) + ")");
    g_idf.app_key.assign(app_key, app_key + 16);
    return ESP_OK;
}

esp_err_t esp_ble_mesh_provisioner_update_local_app_key(const uint8_t app_key[16], uint16_t net_idx, uint16_t app_idx)
{
    g_idf.calls.push_back("update_local_app_key(" + std::to_string(net_idx) + "," + std::to_string(app_idx) + ")");
    g_idf.app_key.assign(app_key, app_key + 16);
    return ESP_OK;
}

esp_err_t esp_ble_mesh_provisioner_bind_app_key_to_local_model(uint16_t element_addr, uint16_t app_idx, uint16_t model_id, uint16_t company_id)
{
    (void)element_addr;
    (void)company_id;
    g_idf.calls.push_back("bind_app_key_to_local_model(" + std::to_string(app_idx) + "," + std::to_string(model_id) + ")");
    return ESP_OK;
}

esp_err_t esp_ble_mesh_provisioner_update_local_net_key(const uint8_t net_key[16], uint16_t net_idx)
{
    g_idf.calls.push_back("update_local_net_key(" + std::to_string(net_idx) + ")");
    g_idf.net_key.assign(net_key, net_key + 16);
    return ESP_OK;
}

const esp_ble_mesh_node_t **esp_ble_mesh_provisioner_get_node_table_entry(void)
{
    return g_idf.node_table;
}

esp_err_t esp_ble_mesh_provisioner_delete_node_with_uuid(const uint8_t uuid[16])
{
    g_idf.deleted_uuid.assign(uuid, uuid + 16);
    return ESP_OK;
}

uint16_t esp_ble_mesh_get_primary_element_address(void)
{
    return g_idf.primary_address;
}

esp_err_t esp_ble_mesh_register_config_client_callback(esp_ble_mesh_cfg_client_cb_t callback)
{
    g_idf.config_client_cb = callback;
    return ESP_OK;
}

esp_err_t esp_ble_mesh_register_df_client_callback(esp_ble_mesh_df_client_cb_t callback)
{
    g_idf.df_client_cb = callback;
    return ESP_OK;
}

esp_err_t esp_ble_mesh_df_client_set_state(esp_ble_mesh_client_common_param_t *params, esp_ble_mesh_df_client_set_t *set)
{
    FakeSend &send = Record("df-set", params->model, &params->ctx, params->opcode, nullptr, 0);
    send.timeout = params->msg_timeout;
    send.df_set = *set;
    if (params->opcode == ESP_BLE_MESH_MODEL_OP_FORWARDING_TABLE_DEPS_ADD && set->forwarding_table_deps_add.dep_origin_uar_list != nullptr)
    {
        const esp_ble_mesh_uar_t *list = set->forwarding_table_deps_add.dep_origin_uar_list;
        send.dependent_origins.assign(list, list + set->forwarding_table_deps_add.dep_origin_uar_list_size);
        send.df_set.forwarding_table_deps_add.dep_origin_uar_list = nullptr; // the glue's list lives on its stack
        send.df_set.forwarding_table_deps_add.dep_target_uar_list = nullptr;
    }
    return g_idf.send_result;
}

esp_err_t esp_ble_mesh_enable_directed_forwarding(uint16_t net_idx, bool directed_forwarding, bool directed_forwarding_relay)
{
    g_idf.directed_enables.push_back({net_idx, directed_forwarding, directed_forwarding_relay});
    return ESP_OK;
}

esp_err_t esp_ble_mesh_register_config_server_callback(esp_ble_mesh_cfg_server_cb_t callback)
{
    g_idf.config_server_cb = callback;
    return ESP_OK;
}

esp_err_t esp_ble_mesh_config_client_get_state(esp_ble_mesh_client_common_param_t *params, esp_ble_mesh_cfg_client_get_state_t *get_state)
{
    FakeSend &send = Record("config-get", params->model, &params->ctx, params->opcode, nullptr, 0);
    send.timeout = params->msg_timeout;
    send.config_get = *get_state;
    return g_idf.send_result;
}

esp_err_t esp_ble_mesh_config_client_set_state(esp_ble_mesh_client_common_param_t *params, esp_ble_mesh_cfg_client_set_state_t *set_state)
{
    FakeSend &send = Record("config-set", params->model, &params->ctx, params->opcode, nullptr, 0);
    send.timeout = params->msg_timeout;
    send.config_set_null = set_state == nullptr;
    if (set_state != nullptr)
    {
        send.config_set = *set_state;
    }
    return g_idf.send_result;
}

esp_err_t esp_ble_mesh_register_generic_client_callback(esp_ble_mesh_generic_client_cb_t callback)
{
    g_idf.generic_client_cb = callback;
    return ESP_OK;
}

esp_err_t esp_ble_mesh_generic_client_set_state(esp_ble_mesh_client_common_param_t *params, esp_ble_mesh_generic_client_set_state_t *set_state)
{
    FakeSend &send = Record("onoff", params->model, &params->ctx, params->opcode, nullptr, 0);
    send.timeout = params->msg_timeout;
    send.onoff = *set_state;
    return g_idf.send_result;
}

esp_err_t esp_ble_mesh_register_generic_server_callback(esp_ble_mesh_generic_server_cb_t callback)
{
    g_idf.generic_server_cb = callback;
    return ESP_OK;
}

esp_err_t esp_ble_mesh_start_ble_advertising(const esp_ble_mesh_ble_adv_param_t *param, const esp_ble_mesh_ble_adv_data_t *data)
{
    g_idf.calls.push_back("start_ble_advertising");
    g_idf.advert_param = *param;
    g_idf.advert_data = *data;
    return ESP_OK;
}

// ---- NimBLE --------------------------------------------------------------------------------------------------

esp_err_t nimble_port_init(void)
{
    g_idf.calls.push_back("nimble_port_init");
    return g_idf.port_init_result;
}

void nimble_port_run(void)
{
    g_idf.calls.push_back("nimble_port_run"); // the real one returns only after nimble_port_stop
}

void nimble_port_freertos_init(TaskFunction_t host_task_fn)
{
    g_idf.host_task = host_task_fn; // the real one creates the host task running it (not run here)
    g_idf.calls.push_back("nimble_port_freertos_init");
    if (g_idf.synced_after_port_init && ble_hs_cfg.sync_cb != nullptr)
    {
        g_synced = true;
        ble_hs_cfg.sync_cb(); // the host task syncs with the controller and calls back
    }
}

void nimble_port_freertos_deinit(void)
{
    g_idf.calls.push_back("nimble_port_freertos_deinit"); // the real one deletes the host task
}

int ble_hs_synced(void)
{
    return g_synced ? 1 : 0;
}

int ble_hs_id_copy_addr(uint8_t id_addr_type, uint8_t *out_id_addr, int *out_is_nrpa)
{
    if (id_addr_type != BLE_ADDR_PUBLIC || !g_synced)
    {
        return BLE_HS_EINVAL;
    }
    const uint8_t address[6] = {0x11, 0x22, 0x33, 0x44, 0x55, 0x66};
    std::memcpy(out_id_addr, address, sizeof address);
    if (out_is_nrpa != nullptr)
    {
        *out_is_nrpa = 0;
    }
    return 0;
}

int ble_svc_gap_device_name_set(const char *name)
{
    g_idf.device_name = name;
    return 0;
}

int ble_gatts_count_cfg(const struct ble_gatt_svc_def *defs)
{
    (void)defs;
    g_idf.calls.push_back("ble_gatts_count_cfg");
    return 0;
}

int ble_gatts_add_svcs(const struct ble_gatt_svc_def *svcs)
{
    g_idf.calls.push_back("ble_gatts_add_svcs");
    g_idf.services = svcs;
    // NimBLE writes each characteristic's value handle at registration; the fake numbers them 0x10, 0x13, ...
    uint16_t handle = 0x0010;
    for (const struct ble_gatt_chr_def *chr = svcs[0].characteristics; chr->uuid != nullptr; chr++, handle += 3)
    {
        *chr->val_handle = handle;
        g_idf.access = chr->access_cb;
        if (reinterpret_cast<const ble_uuid16_t *>(chr->uuid)->value == 0xDC02)
        {
            g_data_handle = handle;
        }
        else
        {
            g_command_handle = handle;
        }
    }
    return 0;
}

int ble_gatts_notify_custom(uint16_t conn_handle, uint16_t att_handle, struct os_mbuf *om)
{
    (void)conn_handle;
    g_idf.notifications.emplace_back(om->om_data, om->om_data + om->om_len);
    g_idf.notification_handles.push_back(att_handle);
    delete[] om->om_data;
    delete om;
    return g_idf.notify_result;
}

struct os_mbuf *ble_hs_mbuf_from_flat(const void *buf, uint16_t len)
{
    auto *om = new os_mbuf();
    om->om_data = new uint8_t[len == 0 ? 1 : len];
    std::memcpy(om->om_data, buf, len);
    om->om_len = len;
    return om;
}

int ble_hs_mbuf_to_flat(const struct os_mbuf *om, void *flat, uint16_t max_len, uint16_t *out_copy_len)
{
    uint16_t copied = om->om_len < max_len ? om->om_len : max_len;
    std::memcpy(flat, om->om_data, copied);
    *out_copy_len = copied;
    return om->om_len > max_len ? BLE_HS_EMSGSIZE : 0;
}

int os_mbuf_append(struct os_mbuf *m, const void *data, uint16_t length)
{
    std::memcpy(m->om_data + m->om_len, data, length);
    m->om_len = static_cast<uint16_t>(m->om_len + length);
    return 0;
}

uint16_t ble_att_mtu(uint16_t conn_handle)
{
    (void)conn_handle;
    return g_idf.mtu;
}

int ble_att_set_preferred_mtu(uint16_t mtu)
{
    g_idf.preferred_mtu = mtu;
    return 0;
}

int ble_gap_event_listener_register(struct ble_gap_event_listener *listener, ble_gap_event_fn *fn, void *arg)
{
    listener->fn = fn;
    listener->arg = arg;
    g_idf.gap_listener = fn;
    return 0;
}

} // extern "C"

// ---- GATT access control ---------------------------------------------------------------------------------------

extern "C" {

int64_t esp_timer_get_time(void)
{
    return g_idf.now_us;
}

/* No NimBLE header declares it; the glue declares it itself (dcm_nimble_host.c). */
void ble_store_config_init(void);

void ble_store_config_init(void)
{
    g_idf.calls.push_back("ble_store_config_init");
}

int ble_gap_conn_find(uint16_t handle, struct ble_gap_conn_desc *out_desc)
{
    for (const ble_gap_conn_desc &description : g_idf.connections)
    {
        if (description.conn_handle == handle)
        {
            *out_desc = description;
            return 0;
        }
    }
    return BLE_HS_ENOTCONN;
}

int ble_gap_terminate(uint16_t conn_handle, uint8_t hci_reason)
{
    (void)hci_reason;
    g_idf.terminated.push_back(conn_handle);
    return 0;
}

int ble_sm_inject_io(uint16_t conn_handle, struct ble_sm_io *pkey)
{
    (void)conn_handle;
    g_idf.injected.push_back(*pkey);
    return 0;
}

int ble_store_util_bonded_peers(ble_addr_t *out_peer_id_addrs, int *out_num_peers, int max_peers)
{
    if (static_cast<int>(g_idf.bonds.size()) > max_peers)
    {
        return BLE_HS_ENOMEM;
    }
    for (size_t i = 0; i < g_idf.bonds.size(); i++)
    {
        out_peer_id_addrs[i] = g_idf.bonds[i];
    }
    *out_num_peers = static_cast<int>(g_idf.bonds.size());
    return 0;
}

int ble_store_util_delete_peer(const ble_addr_t *peer_id_addr)
{
    for (auto it = g_idf.bonds.begin(); it != g_idf.bonds.end(); ++it)
    {
        if (it->type == peer_id_addr->type && std::memcmp(it->val, peer_id_addr->val, sizeof it->val) == 0)
        {
            g_idf.bonds.erase(it);
            return 0;
        }
    }
    return BLE_HS_ENOENT;
}

int ble_store_clear(void)
{
    g_idf.bonds.clear();
    g_idf.store_cleared = true;
    return 0;
}
} // extern "C"

// ---- the battery monitor central's stack calls ------------------------------------------------------------------

esp_err_t esp_ble_mesh_register_ble_callback(esp_ble_mesh_ble_cb_t callback)
{
    g_idf.calls.push_back("esp_ble_mesh_register_ble_callback");
    g_idf.ble_cb = callback;
    return ESP_OK;
}

esp_err_t esp_ble_mesh_start_ble_scanning(esp_ble_mesh_ble_scan_param_t *param)
{
    (void)param;
    g_idf.calls.push_back("esp_ble_mesh_start_ble_scanning");
    g_idf.ble_scanning = g_idf.ble_scan_result == ESP_OK;
    return g_idf.ble_scan_result;
}

esp_err_t esp_ble_mesh_stop_ble_scanning(void)
{
    g_idf.calls.push_back("esp_ble_mesh_stop_ble_scanning");
    g_idf.ble_scanning = false;
    return ESP_OK;
}

esp_err_t esp_timer_create(const esp_timer_create_args_t *create_args, esp_timer_handle_t *out_handle)
{
    static int timer;
    g_idf.timer_cb = create_args->callback;
    *out_handle = reinterpret_cast<esp_timer_handle_t>(&timer);
    return ESP_OK;
}

esp_err_t esp_timer_start_once(esp_timer_handle_t timer, uint64_t timeout_us)
{
    (void)timer;
    g_idf.timer_timeout_us = timeout_us;
    return ESP_OK;
}

esp_err_t esp_timer_stop(esp_timer_handle_t timer)
{
    (void)timer;
    return ESP_OK;
}

uint16_t ble_uuid_u16(const ble_uuid_t *uuid)
{
    return uuid->type == BLE_UUID_TYPE_16 ? reinterpret_cast<const ble_uuid16_t *>(uuid)->value : 0;
}

int ble_gap_connect(uint8_t own_addr_type, const ble_addr_t *peer_addr, int32_t duration_ms, const struct ble_gap_conn_params *params,
                    ble_gap_event_fn *cb, void *cb_arg)
{
    (void)own_addr_type;
    (void)params;
    (void)cb_arg;
    g_idf.calls.push_back("ble_gap_connect");
    g_idf.connect_peer = *peer_addr;
    g_idf.connect_duration_ms = duration_ms;
    g_idf.connect_cb = cb;
    return g_idf.connect_result;
}

int ble_gap_conn_cancel(void)
{
    g_idf.cancel_count++;
    return 0;
}

int ble_gattc_disc_svc_by_uuid(uint16_t conn_handle, const ble_uuid_t *uuid, ble_gatt_disc_svc_fn *cb, void *cb_arg)
{
    (void)conn_handle;
    (void)cb_arg;
    g_idf.calls.push_back("ble_gattc_disc_svc_by_uuid");
    g_idf.service_uuid = ble_uuid_u16(uuid);
    g_idf.service_cb = cb;
    return 0;
}

int ble_gattc_disc_all_chrs(uint16_t conn_handle, uint16_t start_handle, uint16_t end_handle, ble_gatt_chr_fn *cb, void *cb_arg)
{
    (void)conn_handle;
    (void)cb_arg;
    g_idf.calls.push_back("ble_gattc_disc_all_chrs");
    g_idf.range_start = start_handle;
    g_idf.range_end = end_handle;
    g_idf.characteristic_cb = cb;
    return 0;
}

int ble_gattc_disc_all_dscs(uint16_t conn_handle, uint16_t start_handle, uint16_t end_handle, ble_gatt_dsc_fn *cb, void *cb_arg)
{
    (void)conn_handle;
    (void)cb_arg;
    g_idf.calls.push_back("ble_gattc_disc_all_dscs");
    g_idf.range_start = start_handle;
    g_idf.range_end = end_handle;
    g_idf.descriptor_cb = cb;
    return 0;
}

int ble_gattc_write_flat(uint16_t conn_handle, uint16_t attr_handle, const void *data, uint16_t data_len, ble_gatt_attr_fn *cb, void *cb_arg)
{
    (void)cb_arg;
    const uint8_t *bytes = static_cast<const uint8_t *>(data);
    g_idf.gattc_writes.push_back({conn_handle, attr_handle, std::vector<uint8_t>(bytes, bytes + data_len)});
    g_idf.write_cb = cb;
    return g_idf.gattc_write_result;
}

// mbedTLS AES through the system's OpenSSL (EVP, AES-128-ECB without padding): a real AES, not a hand-written one.
void mbedtls_aes_init(mbedtls_aes_context *ctx)
{
    std::memset(ctx, 0, sizeof *ctx);
}

void mbedtls_aes_free(mbedtls_aes_context *ctx)
{
    std::memset(ctx, 0, sizeof *ctx);
}

static int SetKey(mbedtls_aes_context *ctx, const unsigned char *key, unsigned int keybits, int decrypt)
{
    if (keybits != 128)
    {
        return -0x0020; // MBEDTLS_ERR_AES_INVALID_KEY_LENGTH
    }
    std::memcpy(ctx->key, key, 16);
    ctx->bits = keybits;
    ctx->decrypt = decrypt;
    return 0;
}

int mbedtls_aes_setkey_enc(mbedtls_aes_context *ctx, const unsigned char *key, unsigned int keybits)
{
    g_idf.calls.push_back("mbedtls_aes_setkey_enc");
    return SetKey(ctx, key, keybits, 0);
}

int mbedtls_aes_setkey_dec(mbedtls_aes_context *ctx, const unsigned char *key, unsigned int keybits)
{
    g_idf.calls.push_back("mbedtls_aes_setkey_dec");
    return SetKey(ctx, key, keybits, 1);
}

int mbedtls_aes_crypt_ecb(mbedtls_aes_context *ctx, int mode, const unsigned char input[16], unsigned char output[16])
{
    g_idf.calls.push_back("mbedtls_aes_crypt_ecb");
    if (ctx->bits != 128 || (mode == MBEDTLS_AES_DECRYPT) != (ctx->decrypt != 0))
    {
        return -1; // a context keyed for the other direction (mbedTLS would compute garbage; the fake refuses)
    }
    EVP_CIPHER_CTX *cipher = EVP_CIPHER_CTX_new();
    int written = 0;
    int ok = EVP_CipherInit_ex(cipher, EVP_aes_128_ecb(), nullptr, ctx->key, nullptr, mode == MBEDTLS_AES_ENCRYPT ? 1 : 0) == 1 &&
             EVP_CIPHER_CTX_set_padding(cipher, 0) == 1 && EVP_CipherUpdate(cipher, output, &written, input, 16) == 1 && written == 16;
    EVP_CIPHER_CTX_free(cipher);
    return ok ? 0 : -1;
}
