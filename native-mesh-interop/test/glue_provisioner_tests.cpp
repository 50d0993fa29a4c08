// Provisioner primitives against the fake ESP-IDF: the enable chain (each step after the previous one's completion
// event), admission of one device at a time at a chosen address, Config Client requests decoded from their on-air
// parameters, and statuses and timeouts matched back to the request handle.
#include <algorithm>
#include <string>

#include "glue_test_support.h"

extern "C" {
#include "dcm_glue.h"
}

namespace
{
const uint8_t kNetKey[16] = {0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F};
const uint8_t kAppKey[16] = {0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF};
const uint8_t kPrefix[2] = {0xDD, 0xDD};

class Provisioner : public Glue
{
protected:
    void Complete(esp_ble_mesh_prov_cb_event_t event, int error = 0)
    {
        esp_ble_mesh_prov_cb_param_t param{};
        switch (event)
        {
        case ESP_BLE_MESH_PROVISIONER_SET_DEV_UUID_MATCH_COMP_EVT: param.provisioner_set_dev_uuid_match_comp.err_code = error; break;
        case ESP_BLE_MESH_PROVISIONER_SET_STATIC_OOB_VALUE_COMP_EVT: param.provisioner_set_static_oob_val_comp.err_code = error; break;
        case ESP_BLE_MESH_PROVISIONER_PROV_ENABLE_COMP_EVT: param.provisioner_prov_enable_comp.err_code = error; break;
        case ESP_BLE_MESH_PROVISIONER_UPDATE_LOCAL_NET_KEY_COMP_EVT: param.provisioner_update_net_key_comp.err_code = error; break;
        case ESP_BLE_MESH_PROVISIONER_ADD_LOCAL_APP_KEY_COMP_EVT: param.provisioner_add_app_key_comp.err_code = error; break;
        case ESP_BLE_MESH_PROVISIONER_UPDATE_LOCAL_APP_KEY_COMP_EVT: param.provisioner_update_app_key_comp.err_code = error; break;
        case ESP_BLE_MESH_PROVISIONER_BIND_APP_KEY_TO_MODEL_COMP_EVT: param.provisioner_bind_app_key_to_model_comp.err_code = error; break;
        default: break;
        }
        g_idf.prov_cb(event, &param);
    }

    // A started provisioner with its keys in place (ProvisionerReady 0 taken).
    void Ready()
    {
        Start(kProvisioner, 0x0001, false);
        ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_enable_provisioner(kNetKey, 16, kAppKey, 16, kPrefix, 2, nullptr, 0));
        Complete(ESP_BLE_MESH_PROVISIONER_SET_DEV_UUID_MATCH_COMP_EVT);
        Complete(ESP_BLE_MESH_PROVISIONER_PROV_ENABLE_COMP_EVT);
        Complete(ESP_BLE_MESH_PROVISIONER_UPDATE_LOCAL_NET_KEY_COMP_EVT);
        Complete(ESP_BLE_MESH_PROVISIONER_ADD_LOCAL_APP_KEY_COMP_EVT);
        Complete(ESP_BLE_MESH_PROVISIONER_BIND_APP_KEY_TO_MODEL_COMP_EVT);
        std::vector<Event> events = TakeEvents();
        ASSERT_EQ(1u, events.size());
        ASSERT_EQ(21, events[0].kind);
        ASSERT_EQ(0, events[0].value);
        g_idf.calls.clear();
    }

    const std::vector<uint8_t> &Record()
    {
        static std::vector<uint8_t> record;
        record.assign(26, 0);
        record[0] = 0xDD;
        record[1] = 0xDD;
        record[15] = 0x42;
        record[16] = 0xAA;
        record[25] = ESP_BLE_MESH_PROV_ADV;
        return record;
    }

    void Status(esp_ble_mesh_cfg_client_cb_event_t event, uint32_t request_opcode, uint16_t node, esp_ble_mesh_cfg_client_common_cb_param_t status,
                int error = 0)
    {
        esp_ble_mesh_client_common_param_t common{};
        common.opcode = request_opcode;
        common.ctx.addr = node;
        esp_ble_mesh_cfg_client_cb_param_t param{};
        param.error_code = error;
        param.params = &common;
        param.status_cb = status;
        g_idf.config_client_cb(event, &param);
    }
};
} // namespace

TEST_F(Provisioner, EnablingRunsEachStepAfterThePreviousCompletes)
{
    Start(kProvisioner, 0x0001, false);
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_enable_provisioner(kNetKey, 16, kAppKey, 16, kPrefix, 2, nullptr, 0));
    EXPECT_EQ("set_dev_uuid_match(offset 0, report)", g_idf.calls.back()) << "reported, never auto-provisioned";
    EXPECT_EQ(std::vector<uint8_t>(kPrefix, kPrefix + 2), g_idf.uuid_match);
    Complete(ESP_BLE_MESH_PROVISIONER_SET_DEV_UUID_MATCH_COMP_EVT);
    EXPECT_EQ("provisioner_prov_enable(ADV)", g_idf.calls.back());
    Complete(ESP_BLE_MESH_PROVISIONER_PROV_ENABLE_COMP_EVT);
    EXPECT_EQ("update_local_net_key(0)", g_idf.calls.back()) << "ours replaces the random NetKey the enable created";
    EXPECT_EQ(std::vector<uint8_t>(kNetKey, kNetKey + 16), g_idf.net_key);
    Complete(ESP_BLE_MESH_PROVISIONER_UPDATE_LOCAL_NET_KEY_COMP_EVT);
    EXPECT_EQ("add_local_app_key(0,0)", g_idf.calls.back());
    Complete(ESP_BLE_MESH_PROVISIONER_ADD_LOCAL_APP_KEY_COMP_EVT, -17); // restored from flash: already there
    EXPECT_EQ("update_local_app_key(0,0)", g_idf.calls.back());
    EXPECT_EQ(std::vector<uint8_t>(kAppKey, kAppKey + 16), g_idf.app_key);
    Complete(ESP_BLE_MESH_PROVISIONER_UPDATE_LOCAL_APP_KEY_COMP_EVT);
    EXPECT_EQ("bind_app_key_to_local_model(0,4097)", g_idf.calls.back()) << "the Generic OnOff client";
    EXPECT_TRUE(TakeEvents().empty()) << "not ready before the last step";
    Complete(ESP_BLE_MESH_PROVISIONER_BIND_APP_KEY_TO_MODEL_COMP_EVT);

    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(21, events[0].kind); // ProvisionerReady
    EXPECT_EQ(0, events[0].value);
    uint8_t blob[DCM_STATE_BLOB_LENGTH];
    ASSERT_EQ(DCM_STATE_BLOB_LENGTH, dcm_mesh_read_state(blob, sizeof blob));
    EXPECT_EQ(1, blob[0]) << "the provisioner counts as part of its network once ready";
    EXPECT_EQ(0x01, blob[1]);
}

TEST_F(Provisioner, ReadinessIsReportedEvenWhenBeaconsFilledTheEventRing)
{
    Start(kProvisioner, 0x0001, false);
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_enable_provisioner(kNetKey, 16, kAppKey, 16, kPrefix, 2, nullptr, 0));
    Complete(ESP_BLE_MESH_PROVISIONER_SET_DEV_UUID_MATCH_COMP_EVT);
    Complete(ESP_BLE_MESH_PROVISIONER_PROV_ENABLE_COMP_EVT);
    Complete(ESP_BLE_MESH_PROVISIONER_UPDATE_LOCAL_NET_KEY_COMP_EVT);
    Complete(ESP_BLE_MESH_PROVISIONER_ADD_LOCAL_APP_KEY_COMP_EVT);
    const uint8_t report[26] = {0xDD, 0xDD};
    int ordinary = 0;
    while (dcm_glue_queue_event(DCM_EVENT_PROVISIONER_READY + 1, 0, 0, 0, 0, 0, report, sizeof report)) // stand-ins for beacon reports
    {
        ++ordinary;
    }
    while (dcm_glue_queue_event(DCM_EVENT_PROVISIONER_READY + 1, 0, 0, 0, 0, 0, nullptr, 0)) // then header-only ones: no gap left
    {
        ++ordinary;
    }
    ASSERT_GT(ordinary, 0);
    Complete(ESP_BLE_MESH_PROVISIONER_BIND_APP_KEY_TO_MODEL_COMP_EVT);

    std::vector<Event> events = TakeEvents();
    long ready = std::count_if(events.begin(), events.end(), [](const Event &e) { return e.kind == DCM_EVENT_PROVISIONER_READY; });
    EXPECT_EQ(1, ready) << "the ready event takes the ring's reserve when ordinary events filled the rest";
}

TEST_F(Provisioner, AStaticOobValueIsSetBeforeProvisioningStarts)
{
    Start(kProvisioner, 0x0001, false);
    const uint8_t oob[16] = {7, 7, 7};
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_enable_provisioner(kNetKey, 16, kAppKey, 16, kPrefix, 2, oob, 16));
    Complete(ESP_BLE_MESH_PROVISIONER_SET_DEV_UUID_MATCH_COMP_EVT);
    EXPECT_EQ("set_static_oob_value", g_idf.calls.back());
    EXPECT_EQ(std::vector<uint8_t>(oob, oob + 16), g_idf.static_oob);
    Complete(ESP_BLE_MESH_PROVISIONER_SET_STATIC_OOB_VALUE_COMP_EVT);
    EXPECT_EQ("provisioner_prov_enable(ADV)", g_idf.calls.back());
}

TEST_F(Provisioner, AFailedStepIsReportedWithItsStep)
{
    Start(kProvisioner, 0x0001, false);
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_enable_provisioner(kNetKey, 16, kAppKey, 16, kPrefix, 2, nullptr, 0));
    Complete(ESP_BLE_MESH_PROVISIONER_SET_DEV_UUID_MATCH_COMP_EVT);
    Complete(ESP_BLE_MESH_PROVISIONER_PROV_ENABLE_COMP_EVT);
    Complete(ESP_BLE_MESH_PROVISIONER_UPDATE_LOCAL_NET_KEY_COMP_EVT, -19);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(21, events[0].kind);
    EXPECT_EQ(-19, events[0].value);
    EXPECT_EQ(1u, events[0].opcode) << "step 1: NetKey";
    EXPECT_EQ(DCM_RESULT_INVALID_STATE, dcm_mesh_provision_device(Record().data(), 26, 0x0005));
}

TEST_F(Provisioner, BadKeysAndARoleWithoutConfigClientAreRefused)
{
    Start(kUniversal);
    EXPECT_EQ(DCM_RESULT_INVALID_STATE, dcm_mesh_enable_provisioner(kNetKey, 16, kAppKey, 16, kPrefix, 2, nullptr, 0));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_enable_provisioner(kNetKey, 15, kAppKey, 16, kPrefix, 2, nullptr, 0));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_enable_provisioner(kNetKey, 16, kAppKey, 16, kPrefix, 0, nullptr, 0));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_enable_provisioner(kNetKey, 16, kAppKey, 16, kPrefix, 2, nullptr, 4));
}

TEST_F(Provisioner, DiscoveredDevicesAreReportedAsRecordsAndAdmittedOneAtATime)
{
    Ready();
    esp_ble_mesh_prov_cb_param_t param{};
    auto &device = param.provisioner_recv_unprov_adv_pkt;
    device.dev_uuid[0] = 0xDD;
    device.dev_uuid[1] = 0xDD;
    device.dev_uuid[15] = 0x42;
    device.addr[0] = 0xAA;
    device.addr_type = 0;
    device.oob_info = 0x1234;
    device.bearer = ESP_BLE_MESH_PROV_ADV;
    device.rssi = -60;
    g_idf.prov_cb(ESP_BLE_MESH_PROVISIONER_RECV_UNPROV_ADV_PKT_EVT, &param);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(16, events[0].kind);
    EXPECT_EQ(-60, events[0].value);
    ASSERT_EQ(26u, events[0].payload.size());
    EXPECT_EQ(0x42, events[0].payload[15]);
    EXPECT_EQ(0xAA, events[0].payload[16]);
    EXPECT_EQ(0x34, events[0].payload[23]);
    EXPECT_EQ(0x12, events[0].payload[24]);
    EXPECT_EQ(ESP_BLE_MESH_PROV_ADV, events[0].payload[25]);

    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_provision_device(events[0].payload.data(), 26, 0x0009));
    EXPECT_EQ("prov_device_with_addr(ADV)", g_idf.calls.back());
    EXPECT_EQ(0x0009, g_idf.provisioned_address);
    EXPECT_EQ(0x42, g_idf.provisioned_uuid[15]);
    EXPECT_EQ(DCM_RESULT_BUSY, dcm_mesh_provision_device(events[0].payload.data(), 26, 0x000A));

    esp_ble_mesh_prov_cb_param_t complete{};
    complete.provisioner_prov_complete.unicast_addr = 0x0009;
    complete.provisioner_prov_complete.element_num = 1;
    g_idf.prov_cb(ESP_BLE_MESH_PROVISIONER_PROV_COMPLETE_EVT, &complete);
    esp_ble_mesh_prov_cb_param_t close{};
    g_idf.prov_cb(ESP_BLE_MESH_PROVISIONER_PROV_LINK_CLOSE_EVT, &close); // the link closes after completion: not a failure
    events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(17, events[0].kind); // DeviceProvisioned
    EXPECT_EQ(0x0009, events[0].source);
    EXPECT_EQ(1, events[0].value);
    EXPECT_EQ(0x42, events[0].payload[15]);
}

TEST_F(Provisioner, ALinkClosedBeforeCompletionIsAFailureAndFreesTheProvisioner)
{
    Ready();
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_provision_device(Record().data(), 26, 0x0005));
    esp_ble_mesh_prov_cb_param_t close{};
    close.provisioner_prov_link_close.reason = 2;
    g_idf.prov_cb(ESP_BLE_MESH_PROVISIONER_PROV_LINK_CLOSE_EVT, &close);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(18, events[0].kind); // ProvisioningFailed
    EXPECT_EQ(2, events[0].value);
    EXPECT_EQ(DCM_RESULT_OK, dcm_mesh_provision_device(Record().data(), 26, 0x0005));

    esp_ble_mesh_prov_cb_param_t refused{};
    refused.provisioner_prov_dev_with_addr_comp.err_code = -5;
    g_idf.prov_cb(ESP_BLE_MESH_PROVISIONER_PROV_DEV_WITH_ADDR_COMP_EVT, &refused);
    events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(18, events[0].kind);
    EXPECT_EQ(-5, events[0].value);
}

TEST_F(Provisioner, ConfigRequestsAreDecodedIntoTheStacksFields)
{
    Ready();
    std::vector<uint8_t> add = {0x00, 0x00, 0x00};
    add.insert(add.end(), kAppKey, kAppKey + 16);
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_config_request(41, 0x0005, 0x00, add.data(), add.size(), 4000));
    const FakeSend &send = g_idf.sends.back();
    EXPECT_EQ("config-set", send.api);
    EXPECT_EQ(Sig(0x0001), send.model);
    EXPECT_EQ(0x00u, send.opcode);
    EXPECT_EQ(0x0005, send.ctx.addr);
    EXPECT_EQ(3, send.ctx.send_ttl) << "seed §1.6";
    EXPECT_EQ(4000, send.timeout);
    EXPECT_EQ(0, send.config_set.app_key_add.app_idx);
    EXPECT_EQ(0xA0, send.config_set.app_key_add.app_key[0]);

    const std::vector<uint8_t> bind = {0x05, 0x00, 0x00, 0x00, 0xE5, 0x02, 0x01, 0x00};
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_config_request(42, 0x0006, 0x803D, bind.data(), bind.size(), 4000));
    EXPECT_EQ(0x0005, g_idf.sends.back().config_set.model_app_bind.element_addr);
    EXPECT_EQ(0x02E5, g_idf.sends.back().config_set.model_app_bind.company_id);
    EXPECT_EQ(0x0001, g_idf.sends.back().config_set.model_app_bind.model_id);

    const uint8_t page = 0;
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_config_request(43, 0x0007, 0x8008, &page, 1, 4000));
    EXPECT_EQ("config-get", g_idf.sends.back().api);
    EXPECT_EQ(0, g_idf.sends.back().config_get.comp_data_get.page);

    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_config_request(44, 0x0008, 0x8049, nullptr, 0, 4000));
    EXPECT_TRUE(g_idf.sends.back().config_set_null) << "Node Reset has no parameters";

    EXPECT_EQ(DCM_RESULT_BUSY, dcm_mesh_send_config_request(45, 0x0005, 0x8008, &page, 1, 4000)) << "one request per node";
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_send_config_request(46, 0x0009, 0x8008, nullptr, 0, 4000)) << "no page";
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_send_config_request(46, 0x0009, 0x8201, nullptr, 0, 4000));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_send_config_request(46, 0xC000, 0x8008, &page, 1, 4000));
}

TEST_F(Provisioner, HeartbeatRequestsAndStatusesGoThroughTheStacksFields)
{
    Ready();
    const std::vector<uint8_t> publication = {0x02, 0xC0, 0xFF, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00};
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_config_request(51, 0x0005, 0x8039, publication.data(), publication.size(), 4000));
    EXPECT_EQ("config-set", g_idf.sends.back().api);
    EXPECT_EQ(0xC002, g_idf.sends.back().config_set.heartbeat_pub_set.dst);
    EXPECT_EQ(0xFF, g_idf.sends.back().config_set.heartbeat_pub_set.count);
    EXPECT_EQ(1, g_idf.sends.back().config_set.heartbeat_pub_set.period);
    EXPECT_EQ(1, g_idf.sends.back().config_set.heartbeat_pub_set.ttl);

    const std::vector<uint8_t> subscription = {0x07, 0x00, 0x02, 0xC0, 0x03};
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_config_request(52, 0x0006, 0x803B, subscription.data(), subscription.size(), 4000));
    EXPECT_EQ(0x0007, g_idf.sends.back().config_set.heartbeat_sub_set.src);
    EXPECT_EQ(0xC002, g_idf.sends.back().config_set.heartbeat_sub_set.dst);
    EXPECT_EQ(3, g_idf.sends.back().config_set.heartbeat_sub_set.period);

    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_config_request(53, 0x0007, 0x803A, nullptr, 0, 4000));
    EXPECT_EQ("config-get", g_idf.sends.back().api) << "Heartbeat Subscription Get is a get";

    esp_ble_mesh_cfg_client_common_cb_param_t status{};
    status.heartbeat_sub_status = {0x00, 0x0008, 0xC002, 0x00, 0x03, 0x01, 0x02};
    Status(ESP_BLE_MESH_CFG_CLIENT_GET_STATE_EVT, 0x803A, 0x0007, status);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(53, events[0].handle);
    EXPECT_EQ(0x803Cu, events[0].opcode);
    EXPECT_EQ((std::vector<uint8_t>{0x00, 0x08, 0x00, 0x02, 0xC0, 0x00, 0x03, 0x01, 0x02}), events[0].payload);

    esp_ble_mesh_cfg_client_common_cb_param_t published{};
    published.heartbeat_pub_status = {0x00, 0xC002, 0xFF, 0x01, 0x01, 0x0000, 0x0000};
    Status(ESP_BLE_MESH_CFG_CLIENT_SET_STATE_EVT, 0x8039, 0x0005, published);
    events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(51, events[0].handle);
    EXPECT_EQ(0x06u, events[0].opcode);
    EXPECT_EQ((std::vector<uint8_t>{0x00, 0x02, 0xC0, 0xFF, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00}), events[0].payload);
}

TEST_F(Provisioner, StatusesAndTimeoutsComeBackWithTheRequestHandle)
{
    Ready();
    const uint8_t page = 0;
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_config_request(43, 0x0007, 0x8008, &page, 1, 4000));
    uint8_t composition[] = {0xE5, 0x02, 0x00, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x07, 0x00};
    net_buf_simple buffer{composition, sizeof composition, sizeof composition, composition};
    esp_ble_mesh_cfg_client_common_cb_param_t status{};
    status.comp_data_status.page = 0;
    status.comp_data_status.composition_data = &buffer;
    Status(ESP_BLE_MESH_CFG_CLIENT_GET_STATE_EVT, 0x8008, 0x0007, status);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(19, events[0].kind); // ConfigStatusReceived
    EXPECT_EQ(43, events[0].handle);
    EXPECT_EQ(0x0007, events[0].source);
    EXPECT_EQ(0x02u, events[0].opcode);
    ASSERT_EQ(1u + sizeof composition, events[0].payload.size());
    EXPECT_EQ(0, events[0].payload[0]) << "page number first";
    EXPECT_EQ(0xE5, events[0].payload[1]);

    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_config_request(44, 0x0007, 0x801B,
                                                          std::vector<uint8_t>{0x07, 0x00, 0x00, 0xC0, 0xE5, 0x02, 0x01, 0x00}.data(), 8, 4000));
    esp_ble_mesh_cfg_client_common_cb_param_t subscribed{};
    subscribed.model_sub_status = {0x01, 0x0007, 0xC000, 0x02E5, 0x0001}; // Invalid Address
    Status(ESP_BLE_MESH_CFG_CLIENT_SET_STATE_EVT, 0x801B, 0x0007, subscribed);
    events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(44, events[0].handle);
    EXPECT_EQ(0x801Fu, events[0].opcode);
    EXPECT_EQ(1, events[0].value) << "the status code";
    EXPECT_EQ((std::vector<uint8_t>{0x01, 0x07, 0x00, 0x00, 0xC0, 0xE5, 0x02, 0x01, 0x00}), events[0].payload);

    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_config_request(45, 0x0007, 0x800D, std::vector<uint8_t>{7}.data(), 1, 4000));
    Status(ESP_BLE_MESH_CFG_CLIENT_TIMEOUT_EVT, 0x800D, 0x0007, {});
    Status(ESP_BLE_MESH_CFG_CLIENT_SET_STATE_EVT, 0x800D, 0x0007, {}); // a late status finds nothing
    events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(20, events[0].kind); // ConfigTimedOut
    EXPECT_EQ(45, events[0].handle);
    EXPECT_EQ(0x800Du, events[0].opcode);
    EXPECT_EQ(0, events[0].value);

    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_config_request(46, 0x0007, 0x800D, std::vector<uint8_t>{7}.data(), 1, 4000));
    Status(ESP_BLE_MESH_CFG_CLIENT_SET_STATE_EVT, 0x800D, 0x0007, {}, -110);
    events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(20, events[0].kind) << "a failed send ends like a timeout, with the error";
    EXPECT_EQ(-110, events[0].value);
}

TEST_F(Provisioner, TheStacksNodeTableIsReadSkippingEmptySlotsAndNodesCanBeDeleted)
{
    Start(kProvisioner, 0x0001, false);
    esp_ble_mesh_node_t first{};
    first.dev_uuid[0] = 0xDD;
    first.dev_uuid[15] = 1;
    first.unicast_addr = 0x0005;
    first.element_num = 1;
    esp_ble_mesh_node_t second = first;
    second.dev_uuid[15] = 2;
    second.unicast_addr = 0x0106;
    g_idf.node_table[0] = &first;
    g_idf.node_table[7] = &second; // slots are sparse after deletions

    uint8_t record[19];
    ASSERT_EQ(19u, dcm_mesh_read_provisioned_node(0, record, sizeof record));
    EXPECT_EQ(1, record[15]);
    EXPECT_EQ(0x05, record[16]);
    ASSERT_EQ(19u, dcm_mesh_read_provisioned_node(1, record, sizeof record));
    EXPECT_EQ(2, record[15]);
    EXPECT_EQ(0x06, record[16]);
    EXPECT_EQ(0x01, record[17]);
    EXPECT_EQ(1, record[18]);
    EXPECT_EQ(0u, dcm_mesh_read_provisioned_node(2, record, sizeof record));
    EXPECT_EQ(0u, dcm_mesh_read_provisioned_node(0, record, 18));

    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_delete_provisioned_node(first.dev_uuid, 16));
    EXPECT_EQ(1, g_idf.deleted_uuid[15]);
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_delete_provisioned_node(first.dev_uuid, 15));
}

TEST_F(Provisioner, TheReadyProvisionerCanUseItsBoundOnOffClient)
{
    Ready();
    EXPECT_EQ(DCM_RESULT_INVALID_STATE, dcm_mesh_send_onoff(0x0005, true, true, 3, 2000)) << "not bound yet";
    Sig(0x1001)->keys[0] = 0; // what the bind step leaves
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_onoff(0x0005, true, true, 3, 2000));
    EXPECT_EQ("onoff", g_idf.sends.back().api);
}

TEST_F(Provisioner, NothingIsSentBeforeTheProvisionerIsReady)
{
    Start(kProvisioner, 0x0001, false);
    const uint8_t page = 0;
    EXPECT_EQ(DCM_RESULT_INVALID_STATE, dcm_mesh_send_config_request(1, 0x0005, 0x8008, &page, 1, 4000));
    EXPECT_EQ(DCM_RESULT_INVALID_STATE, dcm_mesh_provision_device(Record().data(), 26, 0x0005));
    EXPECT_TRUE(g_idf.sends.empty());
}

TEST_F(Provisioner, DirectedForwardingRequestsGoThroughTheDfClientAndTheirStatusesComeBack)
{
    Ready();
    // Forwarding Table Add: two-way fixed path 0x0010 -> 0x0005, on the node 0x0010 itself (DirectedForwardingMessages' bytes).
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_config_request(50, 0x0010, 0x8084,
                                                          std::vector<uint8_t>{0x00, 0x30, 0x20, 0x00, 0x0A, 0x00, 0x00, 0x00, 0x01, 0x00}.data(), 10, 4000));
    const FakeSend &add = g_idf.sends.back();
    EXPECT_EQ("df-set", add.api);
    EXPECT_EQ(0x8084u, add.opcode);
    EXPECT_EQ(0x0010, add.ctx.addr);
    ASSERT_NE(nullptr, add.model);
    EXPECT_EQ(ESP_BLE_MESH_MODEL_ID_DF_CLI, add.model->model_id);
    EXPECT_EQ(1u, add.df_set.forwarding_table_add.unicast_dst);
    EXPECT_EQ(1u, add.df_set.forwarding_table_add.bw_path_validated);
    EXPECT_EQ(0x0010u, add.df_set.forwarding_table_add.path_origin.range_start);
    EXPECT_EQ(0u, add.df_set.forwarding_table_add.path_origin.len_present);
    EXPECT_EQ(0x0005u, add.df_set.forwarding_table_add.path_target.range_start);
    EXPECT_EQ(0x0000u, add.df_set.forwarding_table_add.bearer_twd_path_origin);
    EXPECT_EQ(0x0001u, add.df_set.forwarding_table_add.bearer_twd_path_target);

    esp_ble_mesh_client_common_param_t common{};
    common.opcode = 0x8084;
    common.ctx.addr = 0x0010;
    esp_ble_mesh_df_client_cb_param_t param{};
    param.params = &common;
    param.recv.forwarding_table_status = {0x05, 0x0000, 0x0010, 0x0005}; // Insufficient Resources
    g_idf.df_client_cb(ESP_BLE_MESH_DF_CLIENT_RECV_SET_RSP_EVT, &param);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(19, events[0].kind); // ConfigStatusReceived
    EXPECT_EQ(50, events[0].handle);
    EXPECT_EQ(0x8086u, events[0].opcode);
    EXPECT_EQ(5, events[0].value);
    EXPECT_EQ((std::vector<uint8_t>{0x05, 0x00, 0x00, 0x10, 0x00, 0x05, 0x00}), events[0].payload);

    // Dependents Add: two ranges, the list handed to the stack.
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_config_request(51, 0x0010, 0x8087,
                                                          std::vector<uint8_t>{0x00, 0x00, 0x10, 0x00, 0x05, 0x00, 0x02, 0x00, 0x41, 0x00, 0x03, 0x60, 0x00}.data(), 13, 4000));
    const FakeSend &dependents = g_idf.sends.back();
    EXPECT_EQ(0x0010u, dependents.df_set.forwarding_table_deps_add.path_origin);
    EXPECT_EQ(0x0005u, dependents.df_set.forwarding_table_deps_add.dst);
    EXPECT_EQ(2u, dependents.df_set.forwarding_table_deps_add.dep_origin_uar_list_size);
    ASSERT_EQ(2u, dependents.dependent_origins.size());
    EXPECT_EQ(0x0020u, dependents.dependent_origins[0].range_start);
    EXPECT_EQ(1u, dependents.dependent_origins[0].len_present);
    EXPECT_EQ(3u, dependents.dependent_origins[0].range_length);
    EXPECT_EQ(0x0030u, dependents.dependent_origins[1].range_start);
    EXPECT_EQ(0u, dependents.dependent_origins[1].len_present);
    common.opcode = 0x8087;
    g_idf.df_client_cb(ESP_BLE_MESH_DF_CLIENT_SEND_TIMEOUT_EVT, &param);
    events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(20, events[0].kind); // ConfigTimedOut
    EXPECT_EQ(51, events[0].handle);

    // Directed Control Set, failing to send: ends like a timeout with the error.
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_config_request(52, 0x0010, 0x807C, std::vector<uint8_t>{0x00, 0x00, 0x01, 0x01, 0xFF, 0xFF, 0xFF}.data(), 7, 4000));
    EXPECT_EQ(1u, g_idf.sends.back().df_set.directed_control_set.directed_relay);
    common.opcode = 0x807C;
    param.send.err_code = -12;
    g_idf.df_client_cb(ESP_BLE_MESH_DF_CLIENT_SEND_COMP_EVT, &param);
    events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(20, events[0].kind);
    EXPECT_EQ(-12, events[0].value);

    // Malformed: relay without forwarding never reaches the stack.
    size_t sends = g_idf.sends.size();
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT,
              dcm_mesh_send_config_request(53, 0x0010, 0x807C, std::vector<uint8_t>{0x00, 0x00, 0x00, 0x01, 0xFF, 0xFF, 0xFF}.data(), 7, 4000));
    EXPECT_EQ(sends, g_idf.sends.size());
}
