// Start, compositions, node provisioning state and reset, against the fake ESP-IDF: the order the stack needs
// (host synced, GATT service queued before esp_ble_mesh_init, callbacks before init), element 0 of each image, the
// Config Server settings of seed §1.6, restore of a provisioned node without waiting for an event.
#include <algorithm>
#include <cstring>
#include <string>

#include "glue_test_support.h"

#ifndef DCM_HOST_TESTS
#define DCM_HOST_TESTS // the test-only declarations of dcm_glue.h
#endif
extern "C" {
#include "dcm_glue.h"
}

namespace
{
size_t IndexOf(const std::string &call)
{
    auto found = std::find(g_idf.calls.begin(), g_idf.calls.end(), call);
    EXPECT_NE(found, g_idf.calls.end()) << call << " was not called";
    return static_cast<size_t>(found - g_idf.calls.begin());
}

const esp_ble_mesh_cfg_srv_t *ConfigServer()
{
    return static_cast<const esp_ble_mesh_cfg_srv_t *>(g_idf.comp->elements->sig_models[0].user_data);
}
} // namespace

TEST_F(Glue, TheHostSyncsAndTheServiceIsQueuedBeforeTheMeshStarts)
{
    Start(kUniversal, 0, false);
    EXPECT_LT(IndexOf("nimble_port_init"), IndexOf("nimble_port_freertos_init"));
    EXPECT_LT(IndexOf("nimble_port_freertos_init"), IndexOf("ble_gatts_count_cfg"));
    EXPECT_LT(IndexOf("ble_gatts_count_cfg"), IndexOf("ble_gatts_add_svcs"));
    EXPECT_LT(IndexOf("ble_gatts_add_svcs"), IndexOf("esp_ble_mesh_init"));
    EXPECT_LT(IndexOf("register_prov_callback"), IndexOf("esp_ble_mesh_init"));
    EXPECT_LT(IndexOf("esp_ble_mesh_init"), IndexOf("client_model_init(0)")); // the vendor client, model id 0x0000
    EXPECT_LT(IndexOf("esp_ble_mesh_init"), IndexOf("start_ble_advertising"));
    EXPECT_LT(IndexOf("esp_ble_mesh_init"), IndexOf("node_prov_enable(ADV|GATT)"));
    EXPECT_EQ(DCM_GATT_PREFERRED_MTU, g_idf.preferred_mtu) << "raised again after bt_mesh_gatt_init set 23";
    EXPECT_EQ("DC-Monitor", g_idf.device_name);
    EXPECT_NE(nullptr, g_idf.model_cb);
    EXPECT_NE(nullptr, g_idf.generic_server_cb);
    EXPECT_NE(nullptr, g_idf.gap_listener);
    EXPECT_EQ(0, g_critical_depth);
}

TEST_F(Glue, AProvisionedNodeIsRestoredWithoutEnablingProvisioning)
{
    Start(kUniversal, 0x0007);
    EXPECT_EQ(g_idf.calls.end(), std::find(g_idf.calls.begin(), g_idf.calls.end(), "node_prov_enable(ADV|GATT)"));

    uint8_t blob[DCM_STATE_BLOB_LENGTH];
    ASSERT_EQ(DCM_STATE_BLOB_LENGTH, dcm_mesh_read_state(blob, sizeof blob));
    EXPECT_EQ(1, blob[0]);
    EXPECT_EQ(0x07, blob[1]);
    EXPECT_EQ(0x00, blob[5]) << "AppKey 0 bound";
    EXPECT_EQ(kUniversal, blob[7]) << "every model usable: AppKey models bound, config models by the device key";
    EXPECT_EQ(0, blob[8]) << "no subscription yet";
    EXPECT_EQ(7, blob[9]);
    EXPECT_EQ(1, blob[10]);
    EXPECT_EQ(0, std::memcmp(Uuid() + 2, blob + 11, 6)) << "[11..16]: the UUID's Bluetooth-address bytes";

    Vendor(DCM_VENDOR_SERVER_MODEL)->groups[1] = 0xC000; // what Config Model Subscription Add leaves
    ASSERT_EQ(DCM_STATE_BLOB_LENGTH, dcm_mesh_read_state(blob, sizeof blob));
    EXPECT_EQ(1, blob[8]);
}

TEST_F(Glue, AnUnprovisionedDeviceReportsNoAddressAndNoBindings)
{
    Start(kUniversal, 0, false);
    uint8_t blob[DCM_STATE_BLOB_LENGTH];
    ASSERT_EQ(DCM_STATE_BLOB_LENGTH, dcm_mesh_read_state(blob, sizeof blob));
    EXPECT_EQ(0, blob[0]);
    EXPECT_EQ(0, blob[1] | blob[2]);
    EXPECT_EQ(0xFF, blob[5]);
    EXPECT_EQ(0, blob[7]);
    EXPECT_EQ(0, std::memcmp(Uuid() + 2, blob + 11, 6)) << "the address is known before provisioning";
    EXPECT_EQ(17u, DCM_STATE_BLOB_LENGTH);
    EXPECT_EQ(0u, dcm_mesh_read_state(blob, DCM_STATE_BLOB_LENGTH - 1));
}

TEST_F(Glue, TheUniversalNodeHasTheSeedsElementZero)
{
    Start(kUniversal);
    const esp_ble_mesh_elem_t *element = g_idf.comp->elements;
    ASSERT_EQ(1u, g_idf.comp->element_count);
    EXPECT_EQ(DCM_COMPANY_ID_ESPRESSIF, g_idf.comp->cid);
    ASSERT_EQ(4, element->sig_model_count);
    EXPECT_EQ(0x0000, element->sig_models[0].model_id);
    EXPECT_EQ(0x0006, element->sig_models[1].model_id) << "Directed Forwarding Configuration Server";
    EXPECT_EQ(0x1001, element->sig_models[2].model_id);
    EXPECT_EQ(0x1000, element->sig_models[3].model_id);
    const esp_ble_mesh_df_srv_t *df_server = static_cast<const esp_ble_mesh_df_srv_t *>(element->sig_models[1].user_data);
    ASSERT_NE(nullptr, df_server);
    EXPECT_EQ(ESP_BLE_MESH_TRANSMIT(1, 20), df_server->directed_net_transmit) << "2 transmissions (NativeContract.CompositionDirectedNetworkTransmitCount)";
    EXPECT_EQ(ESP_BLE_MESH_TRANSMIT(2, 20), df_server->directed_relay_retransmit) << "3 transmissions";
    ASSERT_EQ(2, element->vnd_model_count);
    EXPECT_EQ(0x02E5, element->vnd_models[0].vnd.company_id);
    EXPECT_EQ(0x0001, element->vnd_models[0].vnd.model_id) << "server first, seed §1.1";
    EXPECT_EQ(0x0000, element->vnd_models[1].vnd.model_id);

    // Vendor operation tables: the server takes both SENDs, the client both STATUSes, with their minimum lengths.
    const esp_ble_mesh_model_op_t *server_ops = element->vnd_models[0].op;
    EXPECT_EQ(0xC002E5u, server_ops[0].opcode);
    EXPECT_EQ(0xC202E5u, server_ops[1].opcode);
    EXPECT_EQ(2u, server_ops[1].min_len);
    EXPECT_EQ(0xC802E5u, server_ops[2].opcode) << "MQTT uplink command";
    EXPECT_EQ(3u, server_ops[2].min_len);
    EXPECT_EQ(0u, server_ops[3].opcode);
    const esp_ble_mesh_model_op_t *client_ops = element->vnd_models[1].op;
    EXPECT_EQ(0xC102E5u, client_ops[0].opcode);
    EXPECT_EQ(0xC302E5u, client_ops[1].opcode);
    EXPECT_EQ(8u, client_ops[1].min_len);
    // The MQTT uplink reports: reading 8 bytes, energy 6, node identity 6, bridge heartbeat 2.
    EXPECT_EQ(0xC402E5u, client_ops[2].opcode);
    EXPECT_EQ(8u, client_ops[2].min_len);
    EXPECT_EQ(0xC502E5u, client_ops[3].opcode);
    EXPECT_EQ(6u, client_ops[3].min_len);
    EXPECT_EQ(0xC602E5u, client_ops[4].opcode);
    EXPECT_EQ(6u, client_ops[4].min_len);
    EXPECT_EQ(0xC702E5u, client_ops[5].opcode);
    EXPECT_EQ(2u, client_ops[5].min_len);
    EXPECT_EQ(0u, client_ops[6].opcode);

    const auto *client = static_cast<const esp_ble_mesh_client_t *>(element->vnd_models[1].user_data);
    ASSERT_EQ(2u, client->op_pair_size);
    EXPECT_EQ(0xC002E5u, client->op_pair[0].cli_op);
    EXPECT_EQ(0xC102E5u, client->op_pair[0].status_op);
    EXPECT_EQ(0xC202E5u, client->op_pair[1].cli_op);
    EXPECT_EQ(0xC302E5u, client->op_pair[1].status_op);
    EXPECT_NE(nullptr, element->vnd_models[0].pub) << "the vendor server can publish";

    const auto *onoff_server = static_cast<const esp_ble_mesh_gen_onoff_srv_t *>(element->sig_models[2].user_data);
    EXPECT_EQ(ESP_BLE_MESH_SERVER_RSP_BY_APP, onoff_server->rsp_ctrl.get_auto_rsp) << "the C# server answers Get (B11)";
    EXPECT_EQ(ESP_BLE_MESH_SERVER_RSP_BY_APP, onoff_server->rsp_ctrl.set_auto_rsp);

    const esp_ble_mesh_cfg_srv_t *config = ConfigServer();
    EXPECT_EQ(ESP_BLE_MESH_RELAY_ENABLED, config->relay);
    EXPECT_EQ(7, config->default_ttl);
    EXPECT_EQ(ESP_BLE_MESH_TRANSMIT(2, 20), config->net_transmit) << "3 transmissions, 20 ms (docs/airtime-benchmark.md)";
    EXPECT_EQ(ESP_BLE_MESH_TRANSMIT(4, 20), config->relay_retransmit) << "5 transmissions, 20 ms";
    EXPECT_EQ(ESP_BLE_MESH_BEACON_ENABLED, config->beacon);
    EXPECT_EQ(ESP_BLE_MESH_GATT_PROXY_ENABLED, config->gatt_proxy);
    EXPECT_EQ(ESP_BLE_MESH_FRIEND_NOT_SUPPORTED, config->friend_state);

    EXPECT_EQ(0, std::memcmp(Uuid(), g_idf.prov->uuid, 16)) << "the device UUID the C# image gave, address included";
    EXPECT_EQ(0, g_idf.prov->static_val_len) << "no OOB on the node (seed §1.4)";
}

TEST_F(Glue, AUuidWithoutAddressGetsTheBluetoothAddress)
{
    g_idf.provisioned = false;
    const uint8_t prefix_only[16] = {0xDD, 0xDD};
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_start(kRelay, true, 7, prefix_only, 16));
    const uint8_t expected[16] = {0xDD, 0xDD, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66};
    EXPECT_EQ(0, std::memcmp(expected, g_idf.prov->uuid, 16)) << "seed §1.4: DD DD + Bluetooth address + zeros";
    uint8_t blob[DCM_STATE_BLOB_LENGTH];
    ASSERT_EQ(17u, dcm_mesh_read_state(blob, sizeof blob));
    EXPECT_EQ(0, std::memcmp(expected + 2, blob + 11, 6)) << "the state blob reports the address filled at start";
}

TEST_F(Glue, TheRelayHasOnlyTheConfigAndDirectedForwardingServers)
{
    Start(kRelay);
    const esp_ble_mesh_elem_t *element = g_idf.comp->elements;
    ASSERT_EQ(2, element->sig_model_count);
    EXPECT_EQ(0x0000, element->sig_models[0].model_id);
    EXPECT_EQ(0x0006, element->sig_models[1].model_id);
    EXPECT_EQ(0, element->vnd_model_count);
    EXPECT_EQ(nullptr, element->vnd_models);
    EXPECT_EQ(ESP_BLE_MESH_RELAY_ENABLED, ConfigServer()->relay);
    EXPECT_EQ(g_idf.calls.end(), std::find(g_idf.calls.begin(), g_idf.calls.end(), "client_model_init(0)"));
}

TEST_F(Glue, TheProvisionerHasTheConfigClientRelayOffAndAddresses)
{
    Start(kProvisioner, 0);
    const esp_ble_mesh_elem_t *element = g_idf.comp->elements;
    ASSERT_EQ(4, element->sig_model_count);
    EXPECT_EQ(0x0000, element->sig_models[0].model_id);
    EXPECT_EQ(0x0001, element->sig_models[1].model_id);
    EXPECT_EQ(0x0007, element->sig_models[2].model_id) << "Directed Forwarding Configuration Client";
    EXPECT_EQ(0x1001, element->sig_models[3].model_id);
    EXPECT_EQ(0, element->vnd_model_count);
    EXPECT_EQ(ESP_BLE_MESH_RELAY_DISABLED, ConfigServer()->relay);
    EXPECT_EQ(ESP_BLE_MESH_TRANSMIT(2, 20), ConfigServer()->net_transmit) << "3 transmissions (seed §1.6)";
    EXPECT_EQ(0x0001, g_idf.prov->prov_unicast_addr);
    EXPECT_EQ(0x0005, g_idf.prov->prov_start_address);
    EXPECT_EQ(g_idf.calls.end(), std::find(g_idf.calls.begin(), g_idf.calls.end(), "node_prov_enable(ADV|GATT)"))
        << "the provisioner never advertises as an unprovisioned device";
    EXPECT_NE(nullptr, g_idf.config_client_cb);
    EXPECT_NE(nullptr, g_idf.df_client_cb);
}

// docs/security.md, GATT access control: only the universal node serves DC01; an image without it has no DC03 to write.
static void ExpectNoGattBridge()
{
    for (const char *call : {"ble_gatts_count_cfg", "ble_gatts_add_svcs", "start_ble_advertising"})
    {
        EXPECT_EQ(g_idf.calls.end(), std::find(g_idf.calls.begin(), g_idf.calls.end(), call)) << call << " was called";
    }
    EXPECT_EQ(nullptr, g_idf.gap_listener);
    EXPECT_NE("DC-Monitor", g_idf.device_name);
    const uint8_t value[] = {'x'};
    EXPECT_EQ(DCM_RESULT_NOT_CONNECTED, dcm_mesh_gatt_notify(value, sizeof value));
}

TEST_F(Glue, TheRelayRegistersNoGattServiceAndDoesNotAdvertiseIt)
{
    Start(kRelay);
    ExpectNoGattBridge();
}

TEST_F(Glue, TheProvisionerRegistersNoGattServiceAndDoesNotAdvertiseIt)
{
    Start(kProvisioner, 0x0001, false);
    ExpectNoGattBridge();
}

TEST_F(Glue, BadStartsAreRefusedAndThereIsOneStartPerBoot)
{
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_start(DCM_MODEL_VENDOR_SERVER, true, 7, Uuid(), 16)) << "no Config Server";
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_start(kUniversal | 0x100u, true, 7, Uuid(), 16));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_start(kUniversal, true, 1, Uuid(), 16)) << "TTL 1 is prohibited";
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_start(kUniversal, true, 7, Uuid(), 15));
    EXPECT_TRUE(g_idf.calls.empty()) << "nothing touched the stack";

    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_start(kUniversal, true, 7, Uuid(), 16));
    EXPECT_EQ(DCM_RESULT_INVALID_STATE, dcm_mesh_start(kUniversal, true, 7, Uuid(), 16));
}

TEST_F(Glue, AStackThatRefusesToStartIsReportedAndNotRetried)
{
    g_idf.init_result = ESP_FAIL;
    EXPECT_EQ(DCM_RESULT_FAILED, dcm_mesh_start(kUniversal, true, 7, Uuid(), 16));
    uint8_t blob[DCM_STATE_BLOB_LENGTH];
    EXPECT_EQ(0u, dcm_mesh_read_state(blob, sizeof blob));
    EXPECT_EQ(DCM_RESULT_INVALID_STATE, dcm_mesh_start(kUniversal, true, 7, Uuid(), 16));
}

TEST_F(Glue, AHostThatNeverSyncsFailsTheStartAfterTheBoundAndMayBeTriedAgain)
{
    g_idf.synced_after_port_init = false;
    EXPECT_EQ(DCM_RESULT_HOST_NOT_SYNCED, dcm_mesh_start(kUniversal, true, 7, Uuid(), 16));
    EXPECT_EQ(g_idf.calls.end(), std::find(g_idf.calls.begin(), g_idf.calls.end(), "esp_ble_mesh_init"));
    EXPECT_EQ(DCM_HOST_SYNC_ROUNDS * DCM_HOST_SYNC_ROUND_MS, g_slept_ms) << "10 s overall, not the old 2 s";
    ASSERT_EQ(DCM_HOST_SYNC_ROUNDS + 1u, g_log.size()) << "one warning per timed-out round, then the error";
    for (size_t i = 0; i < DCM_HOST_SYNC_ROUNDS; i++)
    {
        EXPECT_EQ(0u, g_log[i].rfind("W: ", 0)) << g_log[i];
    }
    EXPECT_EQ("E: mesh start: the BLE host did not sync with the controller within 10 s; mesh not started", g_log.back());
    EXPECT_EQ(nullptr, g_idf.comp) << "nothing allocated or registered";

    // The host task kept running; once it syncs, a second start goes on from there without a second nimble_port_init.
    g_idf.sync_after_ms = static_cast<int>(g_slept_ms) + 100;
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_start(kUniversal, true, 7, Uuid(), 16));
    EXPECT_EQ(1, std::count(g_idf.calls.begin(), g_idf.calls.end(), "nimble_port_init"));
    EXPECT_EQ(1, std::count(g_idf.calls.begin(), g_idf.calls.end(), "nimble_port_freertos_init"));
    EXPECT_NE(g_idf.calls.end(), std::find(g_idf.calls.begin(), g_idf.calls.end(), "esp_ble_mesh_init"));
    EXPECT_EQ(DCM_RESULT_INVALID_STATE, dcm_mesh_start(kUniversal, true, 7, Uuid(), 16)) << "started: once per boot again";
}

TEST_F(Glue, ASyncArrivingAfterTheFirstTimeoutIsWaitedForAndTheStartSucceeds)
{
    g_idf.synced_after_port_init = false;
    g_idf.sync_after_ms = static_cast<int>(DCM_HOST_SYNC_ROUND_MS) + 500; // the controller is slow: 2.5 s
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_start(kUniversal, true, 7, Uuid(), 16));
    ASSERT_EQ(1u, g_log.size()) << "the first round timed out and was logged";
    EXPECT_EQ("W: mesh start: the BLE host has not synced with the controller yet (one more 2 s wait)", g_log[0]);
    EXPECT_GE(g_slept_ms, DCM_HOST_SYNC_ROUND_MS + 500u);
    EXPECT_LT(g_slept_ms, 2 * DCM_HOST_SYNC_ROUND_MS) << "stopped waiting at the sync";
    EXPECT_LT(IndexOf("nimble_port_freertos_init"), IndexOf("ble_gatts_add_svcs"));
    EXPECT_LT(IndexOf("ble_gatts_add_svcs"), IndexOf("esp_ble_mesh_init"));
    EXPECT_EQ("node_prov_enable(ADV|GATT)", g_idf.calls.back());
}

TEST_F(Glue, AHostThatSyncsAtOnceLogsNothing)
{
    Start(kUniversal);
    EXPECT_TRUE(g_log.empty());
    EXPECT_EQ(0u, g_slept_ms);
}

TEST_F(Glue, APortThatFailsToInitialiseFailsTheStartForGood)
{
    g_idf.port_init_result = ESP_FAIL;
    EXPECT_EQ(DCM_RESULT_FAILED, dcm_mesh_start(kUniversal, true, 7, Uuid(), 16));
    EXPECT_EQ(g_idf.calls.end(), std::find(g_idf.calls.begin(), g_idf.calls.end(), "nimble_port_freertos_init"));
    ASSERT_EQ(1u, g_log.size());
    EXPECT_EQ(0u, g_log[0].rfind("E: ", 0));
    EXPECT_EQ(DCM_RESULT_INVALID_STATE, dcm_mesh_start(kUniversal, true, 7, Uuid(), 16));
}

TEST_F(Glue, TheHostTaskEndsItselfInsteadOfReturningWhenTheHostStops)
{
    Start(kUniversal);
    ASSERT_NE(nullptr, g_idf.host_task);
    EXPECT_EQ(dcm_nimble_host_task_for_tests(), g_idf.host_task);
    g_idf.calls.clear();
    g_idf.host_task(nullptr); // what the host task runs; the fake nimble_port_run returns at once, as after nimble_port_stop
    ASSERT_EQ(2u, g_idf.calls.size());
    EXPECT_EQ("nimble_port_run", g_idf.calls[0]);
    EXPECT_EQ("nimble_port_freertos_deinit", g_idf.calls[1]) << "a FreeRTOS task function must not return";
}

TEST_F(Glue, ANodeJustProvisionedTurnsDirectedForwardingOffUntilItsPathsAreInstalled)
{
    Start(kRelay, 0, false);
    EXPECT_TRUE(g_idf.directed_enables.empty()) << "nothing is switched at start";
    esp_ble_mesh_prov_cb_param_t param{};
    param.node_prov_complete.net_idx = 0x0000;
    param.node_prov_complete.addr = 0x0009;
    g_idf.prov_cb(ESP_BLE_MESH_NODE_PROV_COMPLETE_EVT, &param);
    ASSERT_EQ(1u, g_idf.directed_enables.size());
    EXPECT_EQ(0x0000, g_idf.directed_enables[0].net_index);
    EXPECT_FALSE(g_idf.directed_enables[0].forwarding);
    EXPECT_FALSE(g_idf.directed_enables[0].relay);
}

TEST_F(Glue, AnUnprovisionedNodeOffersBothProvisioningBearers)
{
    Start(kRelay, 0, false);
    EXPECT_EQ("node_prov_enable(ADV|GATT)", g_idf.calls.back()) << "PB-GATT for phones (nRF Mesh), PB-ADV for the Provisioner image";
    EXPECT_EQ(1, std::count(g_idf.calls.begin(), g_idf.calls.end(), "node_prov_enable(ADV|GATT)"));
}

TEST_F(Glue, ProvisioningAndResetAreReportedAndProvisioningIsEnabledAgain)
{
    Start(kUniversal, 0, false);
    esp_ble_mesh_prov_cb_param_t param{};
    param.node_prov_complete.addr = 0x0009;
    g_idf.prov_cb(ESP_BLE_MESH_NODE_PROV_COMPLETE_EVT, &param);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(4, events[0].kind); // Provisioned
    EXPECT_EQ(0x0009, events[0].source);

    EXPECT_EQ(DCM_RESULT_INVALID_STATE, dcm_mesh_reset_node()) << "the fake stack still says unprovisioned";
    g_idf.provisioned = true;
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_reset_node());
    EXPECT_EQ("node_local_reset", g_idf.calls.back());

    g_idf.calls.clear();
    g_idf.prov_cb(ESP_BLE_MESH_NODE_PROV_RESET_EVT, &param);
    events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(5, events[0].kind); // NodeReset
    EXPECT_EQ("node_prov_enable(ADV|GATT)", g_idf.calls.back());
}

TEST_F(Glue, ConfigServerChangesAreReportedWithTheirOpcode)
{
    Start(kUniversal);
    esp_ble_mesh_cfg_server_cb_param_t param{};
    param.ctx.recv_op = 0x803D;
    g_idf.config_server_cb(ESP_BLE_MESH_CFG_SERVER_STATE_CHANGE_EVT, &param);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(6, events[0].kind);
    EXPECT_EQ(0x803Du, events[0].opcode);
}

TEST_F(Glue, EveryQueuedEventSignalsManagedCodeAndOverflowIsReported)
{
    Start(kUniversal);
    int before = g_managed_signals;
    esp_ble_mesh_cfg_server_cb_param_t param{};
    for (int i = 0; i < 400; i++)
    {
        g_idf.config_server_cb(ESP_BLE_MESH_CFG_SERVER_STATE_CHANGE_EVT, &param); // 17-byte records: 4096 / 17 fit
    }
    EXPECT_EQ(400, g_managed_signals - before);
    std::vector<Event> events = TakeEvents();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(DCM_EVENT_KIND_EVENTS_LOST, events.front().kind);
    EXPECT_EQ(400, static_cast<int>(events.size()) - 1 + events.front().value) << "every record delivered or counted";
}
