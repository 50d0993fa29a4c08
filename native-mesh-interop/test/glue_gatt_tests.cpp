// The GATT bridge against the fake NimBLE: the service table of seed §1.8, writes to DC03 as events, reads of DC02,
// notifications only to the subscribed central and within its MTU, and the "DC-Monitor" advert through the mesh's
// advertising queue, repeated forever.
#include <cstring>
#include <string>

#include "glue_test_support.h"

extern "C" {
#include "dcm_glue.h"
}

namespace
{
ble_gap_event Subscribe(uint16_t connection, bool on)
{
    ble_gap_event event{};
    event.type = BLE_GAP_EVENT_SUBSCRIBE;
    event.subscribe.conn_handle = connection;
    event.subscribe.attr_handle = g_idf.data_handle();
    event.subscribe.cur_notify = on ? 1 : 0;
    return event;
}
} // namespace

TEST_F(Glue, TheServiceHasTheSeedsCharacteristics)
{
    Start(kUniversal);
    const ble_gatt_svc_def &service = g_idf.services[0];
    EXPECT_EQ(BLE_GATT_SVC_TYPE_PRIMARY, service.type);
    EXPECT_EQ(0xDC01, reinterpret_cast<const ble_uuid16_t *>(service.uuid)->value);
    EXPECT_EQ(0, g_idf.services[1].type) << "one service, terminated";
    const ble_gatt_chr_def &data = service.characteristics[0];
    const ble_gatt_chr_def &command = service.characteristics[1];
    EXPECT_EQ(0xDC02, reinterpret_cast<const ble_uuid16_t *>(data.uuid)->value);
    EXPECT_EQ(BLE_GATT_CHR_F_READ | BLE_GATT_CHR_F_NOTIFY, data.flags);
    EXPECT_EQ(0xDC03, reinterpret_cast<const ble_uuid16_t *>(command.uuid)->value);
    EXPECT_EQ(BLE_GATT_CHR_F_WRITE | BLE_GATT_CHR_F_WRITE_NO_RSP, command.flags);
    EXPECT_EQ(nullptr, service.characteristics[2].uuid);
}

TEST_F(Glue, ACommandWrittenToDc03BecomesAnEvent)
{
    Start(kUniversal);
    uint8_t text[] = "0:READ";
    os_mbuf om{};
    om.om_data = text;
    om.om_len = 6;
    ble_gatt_access_ctxt context{};
    context.op = BLE_GATT_ACCESS_OP_WRITE_CHR;
    context.om = &om;
    ASSERT_EQ(0, g_idf.access(3, g_idf.command_handle(), &context, nullptr));
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(14, events[0].kind); // GattCommandWritten
    EXPECT_EQ(3, events[0].value);
    EXPECT_EQ("0:READ", std::string(events[0].payload.begin(), events[0].payload.end()));

    std::vector<uint8_t> longer(DCM_EVENT_MAX_PAYLOAD + 1, 'A');
    om.om_data = longer.data();
    om.om_len = static_cast<uint16_t>(longer.size());
    EXPECT_EQ(BLE_ATT_ERR_INVALID_ATTR_VALUE_LEN, g_idf.access(3, g_idf.command_handle(), &context, nullptr)) << "refused, never cut";
    EXPECT_TRUE(TakeEvents().empty());
}

TEST_F(Glue, Dc02ReadsReturnTheLastValueAndNodeReadyFirst)
{
    Start(kUniversal);
    uint8_t buffer[DCM_GATT_MAX_VALUE] = {0};
    os_mbuf om{};
    om.om_data = buffer;
    ble_gatt_access_ctxt context{};
    context.op = BLE_GATT_ACCESS_OP_READ_CHR;
    context.om = &om;
    ASSERT_EQ(0, g_idf.access(3, g_idf.data_handle(), &context, nullptr));
    EXPECT_EQ("NODE_READY", std::string(reinterpret_cast<char *>(buffer), om.om_len));

    const char *message = "NODE0:DATA:D:0%,V:12.100V";
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_gatt_set_read_value(reinterpret_cast<const uint8_t *>(message), std::strlen(message)));
    om.om_len = 0;
    ASSERT_EQ(0, g_idf.access(3, g_idf.data_handle(), &context, nullptr));
    EXPECT_EQ(message, std::string(reinterpret_cast<char *>(buffer), om.om_len));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_gatt_set_read_value(buffer, DCM_GATT_MAX_VALUE + 1));
}

TEST_F(Glue, NotificationsGoToTheSubscribedCentralWithinItsMtu)
{
    Start(kUniversal);
    const uint8_t chunk[20] = {'N', 'O', 'D', 'E'};
    EXPECT_EQ(DCM_RESULT_NOT_CONNECTED, dcm_mesh_gatt_notify(chunk, 20));

    ble_gap_event connect{};
    connect.type = BLE_GAP_EVENT_CONNECT;
    connect.connect.conn_handle = 3;
    g_idf.gap_listener(&connect, nullptr);
    ble_gap_event subscribe = Subscribe(3, true);
    g_idf.gap_listener(&subscribe, nullptr);
    ble_gap_event mtu{};
    mtu.type = BLE_GAP_EVENT_MTU;
    mtu.mtu.conn_handle = 3;
    mtu.mtu.value = 23;
    g_idf.gap_listener(&mtu, nullptr);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(3u, events.size());
    EXPECT_EQ(10, events[0].kind);
    EXPECT_EQ(3, events[0].value);
    EXPECT_EQ(12, events[1].kind);
    EXPECT_EQ(1, events[1].value);
    EXPECT_EQ(13, events[2].kind);
    EXPECT_EQ(23, events[2].value);

    g_idf.mtu = 23;
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_gatt_notify(chunk, 20));
    EXPECT_EQ(std::vector<uint8_t>(chunk, chunk + 20), g_idf.notifications.back());
    EXPECT_EQ(g_idf.data_handle(), g_idf.notification_handles.back());
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_gatt_notify(chunk, 21)) << "beyond MTU 23 - 3";

    g_idf.notify_result = BLE_HS_ENOMEM;
    EXPECT_EQ(DCM_RESULT_NO_MEMORY, dcm_mesh_gatt_notify(chunk, 20));
    g_idf.notify_result = 0;

    ble_gap_event disconnect{};
    disconnect.type = BLE_GAP_EVENT_DISCONNECT;
    disconnect.disconnect.conn.conn_handle = 3;
    g_idf.gap_listener(&disconnect, nullptr);
    EXPECT_EQ(DCM_RESULT_NOT_CONNECTED, dcm_mesh_gatt_notify(chunk, 20));
    events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(11, events[0].kind);
}

TEST_F(Glue, AnotherConnectionsUnsubscribeLeavesTheGatewayAlone)
{
    Start(kUniversal);
    ble_gap_event gateway = Subscribe(3, true);
    g_idf.gap_listener(&gateway, nullptr);
    ble_gap_event other = Subscribe(4, false);
    g_idf.gap_listener(&other, nullptr);
    const uint8_t chunk[4] = {1, 2, 3, 4};
    EXPECT_EQ(DCM_RESULT_OK, dcm_mesh_gatt_notify(chunk, 4));
}

TEST_F(Glue, TheAdvertRepeatsForeverThroughTheMeshQueue)
{
    Start(kUniversal);
    EXPECT_EQ(BLE_MESH_ADV_IND, g_idf.advert_param.adv_type) << "connectable undirected";
    EXPECT_EQ(ESP_BLE_MESH_BLE_ADV_INFINITE, g_idf.advert_param.count) << "never stops: after provisioning and every disconnect (B29)";
    EXPECT_EQ(ESP_BLE_MESH_BLE_ADV_PRIO_LOW, g_idf.advert_param.priority);
    EXPECT_GE(g_idf.advert_param.duration, g_idf.advert_param.interval * 5 / 8) << "ESP-IDF refuses a duration below one interval";
    EXPECT_GE(g_idf.advert_param.interval, 0x20);

    const uint8_t expected[] = {2, 0x01, 0x06, 3, 0x03, 0x01, 0xDC, 11, 0x09, 'D', 'C', '-', 'M', 'o', 'n', 'i', 't', 'o', 'r'};
    ASSERT_EQ(sizeof expected, g_idf.advert_data.adv_data_len);
    EXPECT_EQ(0, std::memcmp(expected, g_idf.advert_data.adv_data, sizeof expected));
}

namespace
{
// Writes `text` to DC03 as the Pi does (write with response); the access callback's ATT result.
int WriteCommand(std::vector<uint8_t> text)
{
    os_mbuf om{};
    om.om_data = text.data();
    om.om_len = static_cast<uint16_t>(text.size());
    ble_gatt_access_ctxt context{};
    context.op = BLE_GATT_ACCESS_OP_WRITE_CHR;
    context.om = &om;
    return g_idf.access(3, g_idf.command_handle(), &context, nullptr);
}

size_t Count(const std::vector<Event> &events, uint8_t kind)
{
    size_t count = 0;
    for (const Event &event : events)
    {
        count += event.kind == kind ? 1u : 0u;
    }
    return count;
}

constexpr size_t kHeaderEntry = DCM_EVENT_ENTRY_PREFIX + DCM_EVENT_HEADER_LENGTH;
constexpr uint8_t kCommandWritten = 14, kEventsLost = 15, kCommandRefused = 22;
} // namespace

TEST_F(Glue, ACommandThatDoesNotFitIsRefusedOutLoudThenAtTheAttLayer)
{
    Start(kUniversal);
    std::vector<uint8_t> command(300, 'A'); // 317-byte entries: 12 fill the 4028 ordinary bytes, leaving 224
    const size_t commandEntry = DCM_EVENT_ENTRY_PREFIX + DCM_EVENT_HEADER_LENGTH + command.size();
    size_t written = 0;
    for (;;)
    {
        size_t before = dcm_event_queue_used(&dcm_glue.events);
        ASSERT_EQ(0, WriteCommand(command)) << "write " << written;
        size_t added = dcm_event_queue_used(&dcm_glue.events) - before;
        if (added != commandEntry)
        {
            // The first write whose command did not fit: it succeeded, as a header-only refused-command record.
            ASSERT_EQ(kHeaderEntry, added);
            break;
        }
        written++;
    }
    EXPECT_EQ((DCM_EVENT_RING_BYTES - DCM_EVENT_RESERVE_BYTES) / commandEntry, written);
    int result = 0;
    size_t refusedBeforeAtt = 1;
    while ((result = WriteCommand(command)) == 0)
    {
        refusedBeforeAtt++;
    }
    EXPECT_EQ(BLE_ATT_ERR_INSUFFICIENT_RES, result) << "when even the refusal does not fit, the write fails at the ATT layer";
    EXPECT_EQ((DCM_EVENT_RING_BYTES - written * commandEntry) / kHeaderEntry, refusedBeforeAtt) << "refusals fill the rest, reserve included";
    EXPECT_GE(refusedBeforeAtt, DCM_EVENT_RESERVE_RECORDS);
    EXPECT_EQ(BLE_ATT_ERR_INSUFFICIENT_RES, WriteCommand({'0', ':', 'R', 'E', 'A', 'D'}));

    std::vector<Event> events = TakeEvents();
    EXPECT_EQ(written, Count(events, kCommandWritten));
    EXPECT_EQ(refusedBeforeAtt, Count(events, kCommandRefused));
    EXPECT_EQ(0u, Count(events, kEventsLost)) << "a refused command is answered, not lost";
    EXPECT_EQ(written + refusedBeforeAtt, events.size());
    for (const Event &event : events)
    {
        if (event.kind == kCommandRefused)
        {
            EXPECT_EQ(3, event.value) << "the connection handle, as for a written command";
            EXPECT_TRUE(event.payload.empty());
        }
    }

    ASSERT_EQ(0, WriteCommand({'0', ':', 'R', 'E', 'A', 'D'})) << "a drained ring takes commands again";
    events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(kCommandWritten, events[0].kind);
}

TEST_F(Glue, OrdinaryEventsLeaveTheReserveToRefusedCommands)
{
    Start(kUniversal);
    ble_gap_event mtu{};
    mtu.type = BLE_GAP_EVENT_MTU;
    mtu.mtu.conn_handle = 3;
    mtu.mtu.value = 185;
    const size_t ordinary = (DCM_EVENT_RING_BYTES - DCM_EVENT_RESERVE_BYTES) / kHeaderEntry;
    for (size_t i = 0; i < ordinary + 5; i++)
    {
        g_idf.gap_listener(&mtu, nullptr); // header-only ordinary events: the last 5 are dropped and counted
    }
    EXPECT_EQ(ordinary * kHeaderEntry, dcm_event_queue_used(&dcm_glue.events));
    EXPECT_EQ(5u, dcm_event_queue_lost(&dcm_glue.events));

    const size_t room = (DCM_EVENT_RING_BYTES - ordinary * kHeaderEntry) / kHeaderEntry;
    EXPECT_EQ(DCM_EVENT_RESERVE_RECORDS, room) << "4096 - 68 leaves 16 bytes besides the 236 ordinary records";
    for (size_t i = 0; i < room; i++)
    {
        EXPECT_EQ(0, WriteCommand({'1', ':', 'R', 'E', 'A', 'D'})) << "refused into the reserve: " << i;
    }
    EXPECT_EQ(BLE_ATT_ERR_INSUFFICIENT_RES, WriteCommand({'1', ':', 'R', 'E', 'A', 'D'}));
    EXPECT_EQ(5u, dcm_event_queue_lost(&dcm_glue.events)) << "refusals are not losses";

    std::vector<Event> events = TakeEvents();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(kEventsLost, events[0].kind);
    EXPECT_EQ(5, events[0].value);
    EXPECT_EQ(ordinary, Count(events, 13));
    EXPECT_EQ(room, Count(events, kCommandRefused));
    EXPECT_EQ(0u, Count(events, kCommandWritten));
}
