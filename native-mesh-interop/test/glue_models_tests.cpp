// Vendor and Generic OnOff sends, replies, publication and the callbacks that become event records, against the fake
// ESP-IDF: the on-air opcode values, contexts (destination, keys, TTL), acknowledged requests tracked only for unicast
// destinations, one per destination and client model, and their statuses and timeouts matched back.
#include "glue_test_support.h"
extern "C" {
#include "dcm_directed_tag.h"
}

extern "C" {
#include "dcm_glue.h"
}

namespace
{
constexpr uint32_t kSendText = 0xC002E5;
constexpr uint32_t kStatusText = 0xC102E5;
constexpr uint32_t kSendBinary = 0xC202E5;
constexpr uint32_t kStatusBinary = 0xC302E5;
constexpr uint32_t kReadingReport = 0xC402E5;
constexpr uint32_t kEnergyReport = 0xC502E5;
constexpr uint32_t kNodeIdentity = 0xC602E5;
constexpr uint32_t kBridgeHeartbeat = 0xC702E5;
constexpr uint32_t kUplinkCommand = 0xC802E5;

esp_ble_mesh_msg_ctx_t Received(uint16_t source, uint16_t destination)
{
    esp_ble_mesh_msg_ctx_t context{};
    context.net_idx = 0;
    context.app_idx = 0;
    context.addr = source;
    context.recv_dst = destination;
    context.send_ttl = ESP_BLE_MESH_TTL_DEFAULT;
    return context;
}
} // namespace

TEST_F(Glue, AnAcknowledgedUnicastSendWaitsForItsStatusOnePerDestination)
{
    Start(kUniversal);
    const uint8_t command[2] = {0x01, 0x00};
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_vendor(0x0006, kSendBinary, command, 2, 7, true, 5000));
    const FakeSend &send = g_idf.sends.back();
    EXPECT_EQ("client", send.api);
    EXPECT_EQ(Vendor(DCM_VENDOR_CLIENT_MODEL), send.model);
    EXPECT_EQ(kSendBinary, send.opcode);
    EXPECT_EQ(0x0006, send.ctx.addr);
    EXPECT_EQ(0, send.ctx.net_idx);
    EXPECT_EQ(0, send.ctx.app_idx);
    EXPECT_EQ(7, send.ctx.send_ttl);
    EXPECT_TRUE(send.need_response);
    EXPECT_EQ(5000, send.timeout);
    EXPECT_EQ((std::vector<uint8_t>{0x01, 0x00}), send.data);

    EXPECT_EQ(DCM_RESULT_BUSY, dcm_mesh_send_vendor(0x0006, kSendBinary, command, 2, 7, true, 5000));
    EXPECT_EQ(DCM_RESULT_OK, dcm_mesh_send_vendor(0x0007, kSendBinary, command, 2, 7, true, 5000));

    // The status arrives as a matched response (the stack cancelled the timer): reported, destination free again.
    esp_ble_mesh_msg_ctx_t context = Received(0x0006, 0x0005);
    uint8_t status[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    esp_ble_mesh_model_cb_param_t param{};
    param.model_operation = {kStatusBinary, Vendor(DCM_VENDOR_CLIENT_MODEL), &context, 8, status};
    g_idf.model_cb(ESP_BLE_MESH_MODEL_OPERATION_EVT, &param);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(1, events[0].kind); // VendorMessageReceived
    EXPECT_EQ(0x0006, events[0].source);
    EXPECT_EQ(0x0005, events[0].destination);
    EXPECT_EQ(kStatusBinary, events[0].opcode);
    EXPECT_EQ(std::vector<uint8_t>(status, status + 8), events[0].payload);
    EXPECT_EQ(DCM_RESULT_OK, dcm_mesh_send_vendor(0x0006, kSendBinary, command, 2, 7, true, 5000));
}

TEST_F(Glue, ATimeoutReportedByTheStackEndsTheRequest)
{
    Start(kUniversal);
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_vendor(0x0008, kSendText, reinterpret_cast<const uint8_t *>("READ"), 4, 0xFF, true, 5000));
    esp_ble_mesh_msg_ctx_t request = g_idf.sends.back().ctx;
    esp_ble_mesh_model_cb_param_t param{};
    param.client_send_timeout = {kSendText, Vendor(DCM_VENDOR_CLIENT_MODEL), &request};
    g_idf.model_cb(ESP_BLE_MESH_CLIENT_MODEL_SEND_TIMEOUT_EVT, &param);
    g_idf.model_cb(ESP_BLE_MESH_CLIENT_MODEL_SEND_TIMEOUT_EVT, &param); // a duplicate matches nothing

    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(3, events[0].kind); // VendorSendTimedOut
    EXPECT_EQ(0x0005, events[0].source);
    EXPECT_EQ(0x0008, events[0].destination);
    EXPECT_EQ(kSendText, events[0].opcode);
    EXPECT_EQ(DCM_RESULT_OK, dcm_mesh_send_vendor(0x0008, kSendText, reinterpret_cast<const uint8_t *>("READ"), 4, 0xFF, true, 5000));
}

TEST_F(Glue, GroupSendsAreNeverAcknowledgedAndRepliesArriveAsPublications)
{
    Start(kUniversal);
    const uint8_t command[2] = {0x01, 0x00};
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_vendor(0xC000, kSendBinary, command, 2, 7, true, 5000));
    EXPECT_FALSE(g_idf.sends.back().need_response) << "no timer for a group (client_common.c)";
    EXPECT_EQ(0, g_idf.sends.back().timeout);
    EXPECT_EQ(DCM_RESULT_OK, dcm_mesh_send_vendor(0xC000, kSendBinary, command, 2, 7, true, 5000)) << "never busy";

    esp_ble_mesh_msg_ctx_t to_us = Received(0x0009, 0x0005);
    esp_ble_mesh_msg_ctx_t to_other = Received(0x0009, 0x0007);
    uint8_t status[8] = {0};
    esp_ble_mesh_model_cb_param_t param{};
    param.client_recv_publish_msg = {kStatusBinary, Vendor(DCM_VENDOR_CLIENT_MODEL), &to_us, 8, status};
    g_idf.model_cb(ESP_BLE_MESH_CLIENT_MODEL_RECV_PUBLISH_MSG_EVT, &param);
    param.client_recv_publish_msg.ctx = &to_other;
    g_idf.model_cb(ESP_BLE_MESH_CLIENT_MODEL_RECV_PUBLISH_MSG_EVT, &param);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size()) << "never statuses addressed to another node";
    EXPECT_EQ(0x0009, events[0].source);
    EXPECT_EQ(0x0005, events[0].destination);
}

TEST_F(Glue, UplinkReportsPublishedToAGroupReachTheVendorClient)
{
    Start(kUniversal);
    const uint8_t reading[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    const struct
    {
        uint32_t opcode;
        uint16_t length;
    } reports[] = {{kReadingReport, 8}, {kEnergyReport, 6}, {kNodeIdentity, 6}, {kBridgeHeartbeat, 2}};

    esp_ble_mesh_msg_ctx_t to_group = Received(0x0009, 0xC001);
    esp_ble_mesh_model_cb_param_t param{};
    for (const auto &report : reports)
    {
        param.client_recv_publish_msg = {report.opcode, Vendor(DCM_VENDOR_CLIENT_MODEL), &to_group, report.length, const_cast<uint8_t *>(reading)};
        g_idf.model_cb(ESP_BLE_MESH_CLIENT_MODEL_RECV_PUBLISH_MSG_EVT, &param);
    }
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(4u, events.size());
    for (size_t i = 0; i < 4; i++)
    {
        EXPECT_EQ(1, events[i].kind); // VendorMessageReceived
        EXPECT_EQ(0x0009, events[i].source);
        EXPECT_EQ(0xC001, events[i].destination);
        EXPECT_EQ(reports[i].opcode, events[i].opcode);
        EXPECT_EQ(0, events[i].handle);
        EXPECT_EQ(std::vector<uint8_t>(reading, reading + reports[i].length), events[i].payload);
    }

    // Group bounds: 0xC000 and 0xFFFF (all-nodes) are groups; another node's unicast and a virtual address are not.
    esp_ble_mesh_msg_ctx_t first_group = Received(0x0009, 0xC000);
    esp_ble_mesh_msg_ctx_t all_nodes = Received(0x0009, 0xFFFF);
    esp_ble_mesh_msg_ctx_t to_other = Received(0x0009, 0x0006);
    esp_ble_mesh_msg_ctx_t virtual_address = Received(0x0009, 0xBFFF);
    for (esp_ble_mesh_msg_ctx_t *context : {&first_group, &to_other, &virtual_address, &all_nodes})
    {
        param.client_recv_publish_msg = {kReadingReport, Vendor(DCM_VENDOR_CLIENT_MODEL), context, 8, const_cast<uint8_t *>(reading)};
        g_idf.model_cb(ESP_BLE_MESH_CLIENT_MODEL_RECV_PUBLISH_MSG_EVT, &param);
    }
    events = TakeEvents();
    ASSERT_EQ(2u, events.size());
    EXPECT_EQ(0xC000, events[0].destination);
    EXPECT_EQ(0xFFFF, events[1].destination);

    // Only the vendor client's publications: the same message on the vendor server's model is not a client publication.
    param.client_recv_publish_msg = {kReadingReport, Vendor(DCM_VENDOR_SERVER_MODEL), &to_group, 8, const_cast<uint8_t *>(reading)};
    g_idf.model_cb(ESP_BLE_MESH_CLIENT_MODEL_RECV_PUBLISH_MSG_EVT, &param);
    EXPECT_TRUE(TakeEvents().empty());
}

TEST_F(Glue, TheUplinkCommandIsQueuedWithoutAReplyContext)
{
    Start(kUniversal);
    // A request that can be answered, then more uplink commands than the reply table holds.
    esp_ble_mesh_msg_ctx_t context = Received(0x0001, 0x0005);
    uint8_t request[2] = {0x01, 0x00};
    esp_ble_mesh_model_cb_param_t param{};
    param.model_operation = {kSendBinary, Vendor(DCM_VENDOR_SERVER_MODEL), &context, 2, request};
    g_idf.model_cb(ESP_BLE_MESH_MODEL_OPERATION_EVT, &param);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    uint16_t answerable = events[0].handle;
    ASSERT_NE(0, answerable);

    uint8_t command[3] = {0x2A, 0x01, 0x00};
    param.model_operation = {kUplinkCommand, Vendor(DCM_VENDOR_SERVER_MODEL), &context, 3, command};
    for (unsigned i = 0; i < DCM_REPLY_CAPACITY + 1; i++)
    {
        g_idf.model_cb(ESP_BLE_MESH_MODEL_OPERATION_EVT, &param);
    }
    events = TakeEvents();
    ASSERT_EQ(DCM_REPLY_CAPACITY + 1, events.size());
    for (const Event &event : events)
    {
        EXPECT_EQ(1, event.kind); // VendorMessageReceived
        EXPECT_EQ(0x0001, event.source);
        EXPECT_EQ(0x0005, event.destination);
        EXPECT_EQ(kUplinkCommand, event.opcode);
        EXPECT_EQ(0, event.handle) << "nothing to answer";
        EXPECT_EQ((std::vector<uint8_t>{0x2A, 0x01, 0x00}), event.payload);
    }

    size_t used = 0;
    for (const dcm_reply_context_t &entry : dcm_glue.replies.entries)
    {
        used += entry.handle != 0 ? 1u : 0u;
    }
    EXPECT_EQ(1u, used) << "only the binary SEND holds a reply slot";
    const uint8_t status[8] = {0};
    EXPECT_EQ(DCM_RESULT_OK, dcm_mesh_reply_vendor(answerable, kStatusBinary, status, 8)) << "not pushed out by the commands";
}

TEST_F(Glue, ASendTheStackRefusesFreesTheDestination)
{
    Start(kUniversal);
    g_idf.send_result = ESP_ERR_NO_MEM;
    EXPECT_EQ(DCM_RESULT_NO_MEMORY, dcm_mesh_send_vendor(0x0006, kSendText, nullptr, 0, 7, true, 5000));
    g_idf.send_result = ESP_OK;
    EXPECT_EQ(DCM_RESULT_OK, dcm_mesh_send_vendor(0x0006, kSendText, nullptr, 0, 7, true, 5000));

    // Queued but then failed in the stack (SEND_COMP with an error): reported, and no timeout will follow.
    esp_ble_mesh_msg_ctx_t request = g_idf.sends.back().ctx;
    esp_ble_mesh_model_cb_param_t param{};
    param.model_send_comp = {-12, kSendText, Vendor(DCM_VENDOR_CLIENT_MODEL), &request};
    g_idf.model_cb(ESP_BLE_MESH_MODEL_SEND_COMP_EVT, &param);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(2, events[0].kind); // VendorSendCompleted
    EXPECT_EQ(-12, events[0].value);
    EXPECT_EQ(DCM_RESULT_OK, dcm_mesh_send_vendor(0x0006, kSendText, nullptr, 0, 7, true, 5000));
}

TEST_F(Glue, BadSendsAreRefusedBeforeTheStack)
{
    Start(kUniversal);
    uint8_t big[DCM_EVENT_MAX_PAYLOAD + 1] = {0};
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_send_vendor(0, kSendText, nullptr, 0, 7, true, 5000));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_send_vendor(0x0006, 0x8201, nullptr, 0, 7, true, 5000)) << "not a vendor opcode";
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_send_vendor(0x0006, kSendText, big, sizeof big, 7, true, 5000));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_send_vendor(0x0006, kSendText, nullptr, 3, 7, true, 5000));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_send_vendor(0x0006, kSendText, nullptr, 0, 128, true, 5000));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_reply_vendor(0, kStatusText, nullptr, 0));
    EXPECT_TRUE(g_idf.sends.empty());
}

TEST_F(Glue, AModelWithoutAnAppKeyCannotSend)
{
    Start(kUniversal, 0x0005, false);
    EXPECT_EQ(DCM_RESULT_INVALID_STATE, dcm_mesh_send_vendor(0x0006, kSendText, nullptr, 0, 7, true, 5000));
    EXPECT_EQ(DCM_RESULT_INVALID_STATE, dcm_mesh_send_onoff(0x0006, true, true, 3, 2000));
    ResetFakeIdf();
    Start(kRelay);
    EXPECT_EQ(DCM_RESULT_INVALID_STATE, dcm_mesh_send_vendor(0x0006, kSendText, nullptr, 0, 7, true, 5000)) << "no vendor client";
}

TEST_F(Glue, TheServerRepliesOnceToTheRequesterWithTheRequestsKeys)
{
    Start(kUniversal);
    esp_ble_mesh_msg_ctx_t context = Received(0x0006, 0xC000); // a group request
    context.app_idx = 0;
    context.net_idx = 0;
    uint8_t command[2] = {0x01, 0x00};
    esp_ble_mesh_model_cb_param_t param{};
    param.model_operation = {kSendBinary, Vendor(DCM_VENDOR_SERVER_MODEL), &context, 2, command};
    g_idf.model_cb(ESP_BLE_MESH_MODEL_OPERATION_EVT, &param);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(1, events[0].kind);
    EXPECT_EQ(0xC000, events[0].destination);
    ASSERT_NE(0, events[0].handle);

    const uint8_t status[8] = {9, 9, 9, 9, 9, 9, 9, 9};
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_reply_vendor(events[0].handle, kStatusBinary, status, 8));
    const FakeSend &reply = g_idf.sends.back();
    EXPECT_EQ("server", reply.api);
    EXPECT_EQ(Vendor(DCM_VENDOR_SERVER_MODEL), reply.model);
    EXPECT_EQ(0x0006, reply.ctx.addr) << "to the requester, never to the group (seed §4.3)";
    EXPECT_EQ(ESP_BLE_MESH_TTL_DEFAULT, reply.ctx.send_ttl);
    EXPECT_EQ(kStatusBinary, reply.opcode);
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_reply_vendor(events[0].handle, kStatusBinary, status, 8)) << "one reply per request";
}

TEST_F(Glue, TheVendorReplyTtlFollowsTheHopsOfItsRequest)
{
    Start(kUniversal);
    const uint8_t command[2] = {0x01, 0x00};
    const uint8_t status[8] = {1, 1, 1, 1, 1, 1, 1, 1};
    // Received TTL of the gateway's TTL-7 request -> the reply's TTL: hops (7 - received + 1) plus one hop of margin,
    // the default TTL once that reaches 7, and for a received TTL above 7 (the hops are unknown).
    const uint8_t cases[][2] = {{7, 2}, {6, 3}, {4, 5}, {3, 6}, {2, ESP_BLE_MESH_TTL_DEFAULT}, {9, ESP_BLE_MESH_TTL_DEFAULT}};
    for (const auto &pair : cases)
    {
        esp_ble_mesh_msg_ctx_t context = Received(0x0006, 0xC000);
        context.recv_ttl = pair[0];
        int32_t handle = DeliverBinarySend(&context, command, 2);
        ASSERT_NE(0, handle);
        ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_reply_vendor(handle, kStatusBinary, status, 8));
        EXPECT_EQ(pair[1], g_idf.sends.back().ctx.send_ttl) << "received TTL " << int(pair[0]);
    }
}

TEST_F(Glue, UnicastVendorMessagesAskForADirectedPathAndGroupRequestsKeepFlooding)
{
    // The sdkconfig fragment (and fake_idf's sdkconfig.h) builds the Directed Forwarding Configuration Server in
    // (docs/directed-forwarding.md): a unicast request and a reply are tagged "use directed" + "immutable credentials" (the stack
    // floods them while the node holds no path), a group request is not.
    Start(kUniversal);
    const uint8_t command[2] = {0x01, 0x00};
    const uint8_t status[8] = {1, 1, 1, 1, 1, 1, 1, 1};
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_vendor(0x0006, kSendBinary, command, 2, 7, false, 0));
    EXPECT_EQ(DCM_TAG_USE_DIRECTED | DCM_TAG_IMMUTABLE_CRED, g_idf.sends.back().ctx.send_tag);
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_vendor(0xC000, kSendBinary, command, 2, 7, false, 0));
    EXPECT_EQ(0, g_idf.sends.back().ctx.send_tag);
    esp_ble_mesh_msg_ctx_t context = Received(0x0006, 0xC000);
    int32_t handle = DeliverBinarySend(&context, command, 2);
    ASSERT_NE(0, handle);
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_reply_vendor(handle, kStatusBinary, status, 8));
    EXPECT_EQ(DCM_TAG_USE_DIRECTED | DCM_TAG_IMMUTABLE_CRED, g_idf.sends.back().ctx.send_tag);
}

TEST_F(Glue, PublicationNeedsAPublishAddress)
{
    Start(kUniversal);
    const uint8_t reading[8] = {0};
    EXPECT_EQ(DCM_RESULT_INVALID_STATE, dcm_mesh_publish_vendor(kStatusBinary, reading, 8));
    Vendor(DCM_VENDOR_SERVER_MODEL)->pub->publish_addr = 0x0001; // what Config Model Publication Set leaves
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_publish_vendor(kStatusBinary, reading, 8));
    EXPECT_EQ("publish", g_idf.sends.back().api);
    EXPECT_EQ(kStatusBinary, g_idf.sends.back().opcode);
}

TEST_F(Glue, OnOffSetStatusAndTimeout)
{
    Start(kUniversal);
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_onoff(0x0006, true, true, 3, 2000));
    FakeSend first = g_idf.sends.back();
    EXPECT_EQ("onoff", first.api);
    EXPECT_EQ(0x8202u, first.opcode);
    EXPECT_EQ(Sig(0x1001), first.model);
    EXPECT_EQ(3, first.ctx.send_ttl);
    EXPECT_EQ(2000, first.timeout);
    EXPECT_EQ(1, first.onoff.onoff_set.onoff);
    EXPECT_EQ(DCM_RESULT_BUSY, dcm_mesh_send_onoff(0x0006, false, true, 3, 2000));
    EXPECT_EQ(DCM_RESULT_OK, dcm_mesh_send_vendor(0x0006, kSendText, nullptr, 0, 7, true, 5000)) << "another client model";

    esp_ble_mesh_client_common_param_t common{};
    common.opcode = 0x8202;
    common.ctx = first.ctx;
    esp_ble_mesh_generic_client_cb_param_t param{};
    param.params = &common;
    param.status_cb.onoff_status.present_onoff = 1;
    g_idf.generic_client_cb(ESP_BLE_MESH_GENERIC_CLIENT_SET_STATE_EVT, &param);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(8, events[0].kind); // OnOffStatusReceived
    EXPECT_EQ(0x0006, events[0].source);
    EXPECT_EQ(1, events[0].value);

    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_onoff(0x0006, false, true, 3, 2000));
    EXPECT_NE(first.onoff.onoff_set.tid, g_idf.sends.back().onoff.onoff_set.tid) << "a new transaction";
    g_idf.generic_client_cb(ESP_BLE_MESH_GENERIC_CLIENT_TIMEOUT_EVT, &param);
    events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(9, events[0].kind); // OnOffTimedOut
    EXPECT_EQ(0x0006, events[0].destination);

    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_send_onoff(0xC000, true, false, 3, 2000));
    EXPECT_EQ(0x8203u, g_idf.sends.back().opcode) << "Set Unacknowledged";
}

TEST_F(Glue, TheOnOffServerAnswersGetAndSetButNotSetUnacknowledged)
{
    Start(kUniversal);
    esp_ble_mesh_generic_server_cb_param_t param{};
    param.model = Sig(0x1000);
    param.ctx = Received(0x0006, 0x0005);
    param.ctx.recv_op = 0x8201;
    g_idf.generic_server_cb(ESP_BLE_MESH_GENERIC_SERVER_RECV_GET_MSG_EVT, &param);
    param.ctx.recv_op = 0x8202;
    param.value.set.onoff.onoff = 1;
    g_idf.generic_server_cb(ESP_BLE_MESH_GENERIC_SERVER_RECV_SET_MSG_EVT, &param);
    param.ctx.recv_op = 0x8203;
    param.value.set.onoff.onoff = 0;
    g_idf.generic_server_cb(ESP_BLE_MESH_GENERIC_SERVER_RECV_SET_MSG_EVT, &param);

    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(3u, events.size());
    EXPECT_EQ(7, events[0].kind);
    EXPECT_EQ(-1, events[0].value);
    EXPECT_NE(0, events[0].handle);
    EXPECT_EQ(1, events[1].value);
    EXPECT_NE(0, events[1].handle);
    EXPECT_EQ(0, events[2].value);
    EXPECT_EQ(0, events[2].handle) << "nothing to answer";

    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_reply_onoff(events[1].handle, true));
    EXPECT_EQ("server", g_idf.sends.back().api);
    EXPECT_EQ(0x8204u, g_idf.sends.back().opcode);
    EXPECT_EQ(std::vector<uint8_t>{1}, g_idf.sends.back().data);
    EXPECT_EQ(0x0006, g_idf.sends.back().ctx.addr);
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_reply_vendor(events[0].handle, kStatusText, nullptr, 0)) << "an OnOff request";
}
