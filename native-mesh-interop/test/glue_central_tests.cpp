// The battery monitor central (native/esp/dcm_ble_central.c) and the mbedTLS AES block (dcm_aes_block.c) against the
// fake stack: the scan filter and once-per-scan reports, the scan's end, the connect timeout, discovery with a missing
// characteristic, one connection at a time, the subscription, writes, notification forwarding, disconnects, the GATT
// bridge leaving the central's own link out, and AES-128 against FIPS-197 appendix C.1.
#include "glue_test_support.h"

#include <cstring>
#include <string>

namespace
{
constexpr uint8_t kFound = 25, kScanCompleted = 26, kReady = 27, kNotification = 28, kDisconnected = 29, kFailed = 30;
constexpr uint16_t kLink = 3;
const uint8_t kAddress[6] = {0x11, 0x22, 0x33, 0x44, 0x55, 0x66};

class Central : public Glue
{
protected:
    void SetUp() override
    {
        Glue::SetUp();
        Start(kUniversal);
    }

    void Advertise(const uint8_t *address, std::vector<uint8_t> data, int8_t rssi = -60)
    {
        esp_ble_mesh_ble_cb_param_t param{};
        std::memcpy(param.scan_ble_adv_pkt.addr, address, 6);
        param.scan_ble_adv_pkt.data = data.data();
        param.scan_ble_adv_pkt.length = static_cast<uint16_t>(data.size());
        param.scan_ble_adv_pkt.rssi = rssi;
        g_idf.ble_cb(ESP_BLE_MESH_SCAN_BLE_ADVERTISING_PKT_EVT, &param);
    }

    static void Gap(ble_gap_event &event)
    {
        if (g_idf.gap_listener != nullptr)
        {
            g_idf.gap_listener(&event, nullptr); // NimBLE calls the listeners first
        }
        g_idf.connect_cb(&event, nullptr);
    }

    static void Connected(int status = 0)
    {
        g_idf.connections.push_back(ble_gap_conn_desc{});
        g_idf.connections.back().conn_handle = kLink;
        g_idf.connections.back().role = BLE_GAP_ROLE_MASTER;
        ble_gap_event event{};
        event.type = BLE_GAP_EVENT_CONNECT;
        event.connect.status = status;
        event.connect.conn_handle = kLink;
        Gap(event);
    }

    static void Service(uint16_t start, uint16_t end)
    {
        ble_gatt_error ok{0, 0};
        ble_gatt_svc service{};
        service.start_handle = start;
        service.end_handle = end;
        service.uuid.u16 = BLE_UUID16_INIT(0xFFF0);
        g_idf.service_cb(kLink, &ok, &service, nullptr);
        ble_gatt_error done{BLE_HS_EDONE, 0};
        g_idf.service_cb(kLink, &done, nullptr, nullptr);
    }

    static void Characteristic(uint16_t definition, uint16_t uuid)
    {
        ble_gatt_error ok{0, 0};
        ble_gatt_chr characteristic{};
        characteristic.def_handle = definition;
        characteristic.val_handle = static_cast<uint16_t>(definition + 1);
        characteristic.uuid.u16 = BLE_UUID16_INIT(uuid);
        g_idf.characteristic_cb(kLink, &ok, &characteristic, nullptr);
    }

    static void CharacteristicsDone()
    {
        ble_gatt_error done{BLE_HS_EDONE, 0};
        g_idf.characteristic_cb(kLink, &done, nullptr, nullptr);
    }

    // Connected, 0xFFF0 at 10-20 with 0xFFF3 (value 12), 0xFFF4 (value 14), its CCCD at 15, another characteristic at 16.
    void Discover()
    {
        ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_central_connect(kAddress, 6, 0, 5000));
        Connected();
        ASSERT_EQ(0xFFF0, g_idf.service_uuid);
        Service(10, 20);
        Characteristic(11, 0xFFF3);
        Characteristic(13, 0xFFF4);
        Characteristic(16, 0x2A19);
        CharacteristicsDone();
        ASSERT_EQ(15, g_idf.range_start); // after 0xFFF4's value
        ASSERT_EQ(15, g_idf.range_end); // 0xFFF4's descriptors end before the next characteristic
        ble_gatt_error ok{0, 0};
        ble_gatt_dsc cccd{};
        cccd.handle = 15;
        cccd.uuid.u16 = BLE_UUID16_INIT(0x2902);
        g_idf.descriptor_cb(kLink, &ok, 14, &cccd, nullptr);
        ble_gatt_error done{BLE_HS_EDONE, 0};
        g_idf.descriptor_cb(kLink, &done, 14, nullptr, nullptr);
        ASSERT_EQ(1u, g_idf.gattc_writes.size());
        EXPECT_EQ(15, g_idf.gattc_writes[0].handle);
        EXPECT_EQ((std::vector<uint8_t>{0x01, 0x00}), g_idf.gattc_writes[0].data);
        g_idf.write_cb(kLink, &ok, nullptr, nullptr);
    }
};
} // namespace

TEST_F(Central, AScanReportsEachMonitorOnceWithAddressTypeNameAndRssiThenCompletes)
{
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_central_start_scan(5000));
    EXPECT_TRUE(g_idf.ble_scanning);
    EXPECT_EQ(5000000u, g_idf.timer_timeout_us);
    Advertise(kAddress, {4, 0x09, 'B', 'M', '6'}, -71);
    Advertise(kAddress, {4, 0x09, 'B', 'M', '6'}, -65); // the same device again: not reported twice
    const uint8_t other[6] = {1, 2, 3, 4, 5, 6};
    Advertise(other, {11, 0x09, 'D', 'C', '-', 'M', 'o', 'n', 'i', 't', 'o', 'r'}); // not a battery monitor
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(kFound, events[0].kind);
    EXPECT_EQ(-71, events[0].value);
    EXPECT_EQ(0u, events[0].opcode); // public address
    EXPECT_EQ((std::vector<uint8_t>{0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 'B', 'M', '6'}), events[0].payload);

    g_idf.timer_cb(nullptr); // the scan's duration ends
    EXPECT_FALSE(g_idf.ble_scanning);
    events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(kScanCompleted, events[0].kind);
    Advertise(kAddress, {4, 0x09, 'B', 'M', '6'});
    EXPECT_TRUE(TakeEvents().empty()); // nothing after the scan

    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_central_start_scan(1000)); // a new scan reports it again
    Advertise(kAddress, {4, 0x09, 'B', 'M', '6'});
    EXPECT_EQ(1u, TakeEvents().size());
}

TEST_F(Central, ArgumentsOutOfRangeAndASecondProcedureAreRefused)
{
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_central_start_scan(999));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_central_start_scan(30001));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_central_connect(kAddress, 5, 0, 5000));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_central_connect(kAddress, 6, 2, 5000));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_central_connect(kAddress, 6, 0, 500));
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_central_start_scan(2000));
    EXPECT_EQ(DCM_RESULT_BUSY, dcm_mesh_central_connect(kAddress, 6, 0, 5000));
    g_idf.timer_cb(nullptr);
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_central_connect(kAddress, 6, 1, 5000));
    EXPECT_EQ(DCM_RESULT_BUSY, dcm_mesh_central_connect(kAddress, 6, 0, 5000)); // one connection at a time
    EXPECT_EQ(DCM_RESULT_BUSY, dcm_mesh_central_start_scan(2000));
    EXPECT_EQ(1, g_idf.connect_peer.type);
    EXPECT_EQ(0x66, g_idf.connect_peer.val[5]);
}

TEST_F(Central, AConnectTimeoutIsAFailedEventAndFreesTheCentral)
{
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_central_connect(kAddress, 6, 0, 7000));
    EXPECT_EQ(7000, g_idf.connect_duration_ms);
    ble_gap_event event{};
    event.type = BLE_GAP_EVENT_CONNECT;
    event.connect.status = BLE_HS_ETIMEOUT;
    g_idf.connect_cb(&event, nullptr);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(kFailed, events[0].kind);
    EXPECT_EQ(1u, events[0].opcode); // ConnectTimedOut
    EXPECT_EQ(BLE_HS_ETIMEOUT, events[0].value);
    EXPECT_EQ(DCM_RESULT_OK, dcm_mesh_central_connect(kAddress, 6, 0, 7000));
}

TEST_F(Central, AConnectTheStackRefusesIsAFailedEvent)
{
    g_idf.connect_result = BLE_HS_EBUSY;
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_central_connect(kAddress, 6, 0, 5000));
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(2u, events[0].opcode); // ConnectFailed
    EXPECT_EQ(BLE_HS_EBUSY, events[0].value);
}

TEST_F(Central, AMissingNotifyCharacteristicFailsAndEndsTheLink)
{
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_central_connect(kAddress, 6, 0, 5000));
    Connected();
    Service(10, 20);
    EXPECT_EQ(10, g_idf.range_start);
    EXPECT_EQ(20, g_idf.range_end);
    Characteristic(11, 0xFFF3);
    CharacteristicsDone();
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(kFailed, events[0].kind);
    EXPECT_EQ(3u, events[0].opcode); // CharacteristicsMissing
    ASSERT_EQ(1u, g_idf.terminated.size());
    EXPECT_EQ(kLink, g_idf.terminated[0]);
}

TEST_F(Central, NoServiceFailsAsMissingCharacteristics)
{
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_central_connect(kAddress, 6, 0, 5000));
    Connected();
    ble_gatt_error done{BLE_HS_EDONE, 0};
    g_idf.service_cb(kLink, &done, nullptr, nullptr);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(3u, events[0].opcode);
}

TEST_F(Central, ReadyThenWritesGoToFff3AndNotificationsOfFff4AreForwardedUntilTheDisconnect)
{
    EXPECT_EQ(DCM_RESULT_NOT_CONNECTED, dcm_mesh_central_write(kAddress, 16));
    Discover();
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size()); // the bridge did not report the central's link as a Pi connection
    EXPECT_EQ(kReady, events[0].kind);
    EXPECT_EQ(std::vector<uint8_t>(kAddress, kAddress + 6), events[0].payload);

    uint8_t block[16];
    for (uint8_t i = 0; i < 16; i++)
    {
        block[i] = i;
    }
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_central_write(block, 15));
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_central_write(block, 16));
    EXPECT_EQ(DCM_RESULT_BUSY, dcm_mesh_central_write(block, 16)); // the first is unanswered
    ASSERT_EQ(2u, g_idf.gattc_writes.size());
    EXPECT_EQ(12, g_idf.gattc_writes[1].handle);
    EXPECT_EQ(std::vector<uint8_t>(block, block + 16), g_idf.gattc_writes[1].data);
    ble_gatt_error refused{0x03, 12};
    g_idf.write_cb(kLink, &refused, nullptr, nullptr);
    events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(5u, events[0].opcode); // WriteFailed
    EXPECT_EQ(DCM_RESULT_OK, dcm_mesh_central_write(block, 16)); // answered: the next may go

    uint8_t value[16] = {0xAA, 0xBB};
    os_mbuf buffer{value, 0, 0, 16};
    ble_gap_event notification{};
    notification.type = BLE_GAP_EVENT_NOTIFY_RX;
    notification.notify_rx.om = &buffer;
    notification.notify_rx.conn_handle = kLink;
    notification.notify_rx.attr_handle = 14;
    g_idf.connect_cb(&notification, nullptr);
    notification.notify_rx.attr_handle = 12; // not 0xFFF4: ignored
    g_idf.connect_cb(&notification, nullptr);
    events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(kNotification, events[0].kind);
    EXPECT_EQ(std::vector<uint8_t>(value, value + 16), events[0].payload);

    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_central_disconnect());
    ASSERT_EQ(1u, g_idf.terminated.size());
    ble_gap_event disconnect{};
    disconnect.type = BLE_GAP_EVENT_DISCONNECT;
    disconnect.disconnect.reason = 0x216;
    disconnect.disconnect.conn.conn_handle = kLink;
    Gap(disconnect);
    events = TakeEvents();
    ASSERT_EQ(1u, events.size()); // Disconnected only: no GattDisconnected for the central's link
    EXPECT_EQ(kDisconnected, events[0].kind);
    EXPECT_EQ(0x216, events[0].value);
    EXPECT_EQ(DCM_RESULT_NOT_CONNECTED, dcm_mesh_central_write(block, 16));
    EXPECT_EQ(DCM_RESULT_OK, dcm_mesh_central_start_scan(1000)); // free again
}

TEST_F(Central, ADisconnectWhileConnectingCancelsWithoutAFailure)
{
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_central_connect(kAddress, 6, 0, 5000));
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_central_disconnect());
    EXPECT_EQ(1, g_idf.cancel_count);
    ble_gap_event event{};
    event.type = BLE_GAP_EVENT_CONNECT;
    event.connect.status = BLE_HS_EAPP; // what NimBLE reports for a cancelled connect
    g_idf.connect_cb(&event, nullptr);
    EXPECT_TRUE(TakeEvents().empty());
    EXPECT_EQ(DCM_RESULT_OK, dcm_mesh_central_connect(kAddress, 6, 0, 5000));
}

TEST_F(Central, APiConnectionIsStillReportedByTheBridge)
{
    g_idf.connections.push_back(ble_gap_conn_desc{});
    g_idf.connections.back().conn_handle = 1;
    g_idf.connections.back().role = BLE_GAP_ROLE_SLAVE;
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_central_connect(kAddress, 6, 0, 5000)); // the central is connecting meanwhile
    ble_gap_event event{};
    event.type = BLE_GAP_EVENT_CONNECT;
    event.connect.conn_handle = 1;
    g_idf.gap_listener(&event, nullptr);
    std::vector<Event> events = TakeEvents();
    ASSERT_EQ(1u, events.size());
    EXPECT_EQ(10, events[0].kind); // GattConnected
}

TEST(AesBlock, Fips197AppendixC1EncryptsAndDecryptsThroughMbedTls)
{
    ResetFakeIdf();
    const uint8_t key[16] = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f};
    const uint8_t plain[16] = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff};
    const uint8_t cipher[16] = {0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30, 0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a};
    uint8_t out[16] = {};
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_aes_block(true, key, 16, plain, 16, out, 16));
    EXPECT_EQ(0, std::memcmp(cipher, out, 16));
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_aes_block(false, key, 16, cipher, 16, out, 16));
    EXPECT_EQ(0, std::memcmp(plain, out, 16));
    EXPECT_EQ((std::vector<std::string>{"mbedtls_aes_setkey_enc", "mbedtls_aes_crypt_ecb", "mbedtls_aes_setkey_dec", "mbedtls_aes_crypt_ecb"}), g_idf.calls);
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_aes_block(true, key, 15, plain, 16, out, 16));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_aes_block(true, key, 16, plain, 16, out, 15));
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_aes_block(true, nullptr, 16, plain, 16, out, 16));
}
