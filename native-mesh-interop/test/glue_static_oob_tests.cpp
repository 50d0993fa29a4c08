// Static OOB on the node (issue 17 part 3; docs/security.md "Authenticated provisioning"): the secret reaches
// esp_ble_mesh_prov_t with the Static OOB bit of the capabilities' OOB Type, can be changed or removed after start (the stack
// reads the struct at each Invite), and a provisioning link that closes before completion is reported as a failed provisioning.
#include <cstring>

#include "glue_test_support.h"

extern "C" {
#include "dcm_glue.h"
}

namespace
{
void ProvisioningEvent(esp_ble_mesh_prov_cb_event_t kind)
{
    esp_ble_mesh_prov_cb_param_t param{};
    if (kind == ESP_BLE_MESH_NODE_PROV_COMPLETE_EVT)
    {
        param.node_prov_complete.addr = 0x0005;
    }
    g_idf.prov_cb(kind, &param);
}
} // namespace

TEST_F(Glue, ANodeWithoutASecretOffersNoOob)
{
    Start(kUniversal, 0);
    EXPECT_EQ(0, g_idf.prov->static_val_len);
    EXPECT_EQ(0, g_idf.prov->oob_type) << "no Static OOB bit in the capabilities";
}

TEST_F(Glue, ASecretSetBeforeStartIsOfferedAsStaticOob)
{
    const uint8_t secret[4] = {0xA1, 0xB2, 0xC3, 0xD4};
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_set_static_oob(secret, sizeof secret));
    Start(kRelay, 0);
    ASSERT_EQ(4, g_idf.prov->static_val_len);
    EXPECT_EQ(0, std::memcmp(secret, g_idf.prov->static_val, sizeof secret));
    EXPECT_EQ(0x01, g_idf.prov->oob_type) << "bit 0: static OOB information available (Mesh Profile 1.0.1 Table 5.19)";
}

TEST_F(Glue, TheSecretCanBeReplacedAndRemovedAfterStart)
{
    Start(kUniversal, 0);
    uint8_t secret[16];
    for (uint8_t i = 0; i < 16; i++)
    {
        secret[i] = static_cast<uint8_t>(0x10 + i);
    }
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_set_static_oob(secret, sizeof secret));
    EXPECT_EQ(16, g_idf.prov->static_val_len) << "the struct the stack holds changes: the next Invite offers it";
    EXPECT_EQ(0, std::memcmp(secret, g_idf.prov->static_val, sizeof secret));

    const uint8_t shorter[2] = {0x77, 0x88};
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_set_static_oob(shorter, sizeof shorter));
    EXPECT_EQ(2, g_idf.prov->static_val_len);
    EXPECT_EQ(0, std::memcmp(shorter, g_idf.prov->static_val, sizeof shorter));

    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_set_static_oob(nullptr, 0));
    EXPECT_EQ(0, g_idf.prov->static_val_len);
    EXPECT_EQ(0, g_idf.prov->oob_type);
}

TEST_F(Glue, ASecretLongerThan16BytesOrMissingIsRefused)
{
    const uint8_t secret[17] = {1};
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_set_static_oob(secret, sizeof secret));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_set_static_oob(nullptr, 4));
    Start(kUniversal, 0);
    EXPECT_EQ(0, g_idf.prov->static_val_len) << "nothing changed";
}

TEST_F(Glue, ALinkClosedBeforeCompletionIsAFailedProvisioning)
{
    Start(kUniversal, 0);
    ProvisioningEvent(ESP_BLE_MESH_NODE_PROV_LINK_OPEN_EVT);
    ProvisioningEvent(ESP_BLE_MESH_NODE_PROV_LINK_CLOSE_EVT);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(DCM_EVENT_PROVISIONING_FAILED, events[0].kind);
    EXPECT_EQ(0, events[0].value);
    EXPECT_TRUE(events[0].payload.empty());

    ProvisioningEvent(ESP_BLE_MESH_NODE_PROV_LINK_CLOSE_EVT);
    EXPECT_TRUE(TakeEvents().empty()) << "a close without an open link reports nothing";
}

TEST_F(Glue, ALinkClosedAfterCompletionIsNoFailure)
{
    Start(kUniversal, 0);
    ProvisioningEvent(ESP_BLE_MESH_NODE_PROV_LINK_OPEN_EVT);
    ProvisioningEvent(ESP_BLE_MESH_NODE_PROV_COMPLETE_EVT);
    ProvisioningEvent(ESP_BLE_MESH_NODE_PROV_LINK_CLOSE_EVT);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(DCM_EVENT_PROVISIONED, events[0].kind);
    EXPECT_EQ(0x0005, events[0].source);
}
