// The fake ESP-IDF / NimBLE behind the headers in fake_idf/include: records every call the glue makes, lets a test
// choose return values and raise the stack's callbacks as ESP-BLE-MESH and NimBLE would.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

extern "C" {
#include "esp_ble_mesh_ble_api.h"
#include "esp_ble_mesh_common_api.h"
#include "esp_ble_mesh_config_model_api.h"
#include "esp_ble_mesh_df_model_api.h"
#include "esp_ble_mesh_generic_model_api.h"
#include "esp_ble_mesh_networking_api.h"
#include "esp_ble_mesh_provisioning_api.h"
#include "esp_timer.h"
#include "host/ble_hs.h"
}

struct FakeSend
{
    std::string api;            // "client", "server", "publish", "onoff", "config-get", "config-set", "df-set"
    esp_ble_mesh_model_t *model = nullptr;
    esp_ble_mesh_msg_ctx_t ctx{};
    uint32_t opcode = 0;
    std::vector<uint8_t> data;
    int32_t timeout = 0;
    bool need_response = false;
    esp_ble_mesh_generic_client_set_state_t onoff{};
    esp_ble_mesh_cfg_client_get_state_t config_get{};
    esp_ble_mesh_cfg_client_set_state_t config_set{};
    bool config_set_null = false;
    esp_ble_mesh_df_client_set_t df_set{};          // "df-set"
    std::vector<esp_ble_mesh_uar_t> dependent_origins; // df-set Forwarding Table Dependents Add: the list, copied
};

struct FakeDirectedEnable
{
    uint16_t net_index;
    bool forwarding;
    bool relay;
};

struct FakeGattWrite
{
    uint16_t connection;
    uint16_t handle;
    std::vector<uint8_t> data;
};

struct FakeIdf
{
    // What the glue called, in order ("nimble_port_init", "ble_gatts_add_svcs", "esp_ble_mesh_init", ...).
    std::vector<std::string> calls;
    std::vector<FakeSend> sends;
    std::vector<std::vector<uint8_t>> notifications;
    std::vector<uint16_t> notification_handles;

    // Results the stack returns.
    esp_err_t init_result = ESP_OK;
    esp_err_t port_init_result = ESP_OK; // nimble_port_init
    esp_err_t send_result = ESP_OK;
    int notify_result = 0;
    bool synced_after_port_init = true; // the host syncs while nimble_port_freertos_init starts it
    int sync_after_ms = -1;             // else, when >= 0: it syncs once the CLR thread has slept this long in total
    bool provisioned = false;
    uint16_t primary_address = 0;
    uint16_t mtu = 185;
    uint16_t preferred_mtu = 0;
    std::string device_name;

    // What the glue handed over.
    esp_ble_mesh_prov_t *prov = nullptr;
    esp_ble_mesh_comp_t *comp = nullptr;
    const struct ble_gatt_svc_def *services = nullptr;
    esp_ble_mesh_ble_adv_param_t advert_param{};
    esp_ble_mesh_ble_adv_data_t advert_data{};
    std::vector<uint8_t> uuid_match;
    std::vector<uint8_t> static_oob;
    std::vector<uint8_t> net_key;
    std::vector<uint8_t> app_key;
    uint16_t provisioned_address = 0;
    const esp_ble_mesh_node_t *node_table[CONFIG_BLE_MESH_MAX_PROV_NODES] = {};
    std::vector<uint8_t> deleted_uuid;
    std::vector<uint8_t> provisioned_uuid;

    // Callbacks the glue registered.
    esp_ble_mesh_prov_cb_t prov_cb = nullptr;
    esp_ble_mesh_model_cb_t model_cb = nullptr;
    esp_ble_mesh_cfg_client_cb_t config_client_cb = nullptr;
    esp_ble_mesh_df_client_cb_t df_client_cb = nullptr;
    std::vector<FakeDirectedEnable> directed_enables; // esp_ble_mesh_enable_directed_forwarding calls
    esp_ble_mesh_cfg_server_cb_t config_server_cb = nullptr;
    esp_ble_mesh_generic_client_cb_t generic_client_cb = nullptr;
    esp_ble_mesh_generic_server_cb_t generic_server_cb = nullptr;
    ble_gap_event_fn *gap_listener = nullptr;
    // GATT access control: the connections NimBLE knows (ble_gap_conn_find), the bonds in its store, the clock
    // (esp_timer_get_time, us), what the glue terminated and injected.
    std::vector<struct ble_gap_conn_desc> connections;
    std::vector<ble_addr_t> bonds;
    int64_t now_us = 0;
    std::vector<uint16_t> terminated;
    std::vector<struct ble_sm_io> injected;
    bool store_cleared = false;
    ble_gatt_access_fn *access = nullptr;
    void (*host_task)(void *) = nullptr; // the function given to nimble_port_freertos_init

    // The battery monitor central: the mesh's BLE scan (callback, results), its timer, the connection procedure and the
    // GATT client procedures the glue started (their callbacks, ranges, writes), the results the stack gives.
    esp_ble_mesh_ble_cb_t ble_cb = nullptr;
    esp_err_t ble_scan_result = ESP_OK;
    bool ble_scanning = false;
    esp_timer_cb_t timer_cb = nullptr;
    uint64_t timer_timeout_us = 0;
    int connect_result = 0;
    ble_addr_t connect_peer{};
    int32_t connect_duration_ms = 0;
    ble_gap_event_fn *connect_cb = nullptr;
    int cancel_count = 0;
    ble_gatt_disc_svc_fn *service_cb = nullptr;
    uint16_t service_uuid = 0;
    ble_gatt_chr_fn *characteristic_cb = nullptr;
    ble_gatt_dsc_fn *descriptor_cb = nullptr;
    uint16_t range_start = 0; // of the last characteristic or descriptor discovery
    uint16_t range_end = 0;
    ble_gatt_attr_fn *write_cb = nullptr;
    int gattc_write_result = 0;
    std::vector<FakeGattWrite> gattc_writes;

    uint16_t data_handle() const;
    uint16_t command_handle() const;
};

extern FakeIdf g_idf;

// Resets the fake and the glue (a fresh boot).
void ResetFakeIdf();
