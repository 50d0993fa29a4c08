// GATT access control against the fake NimBLE (docs/security.md): the characteristics' security flags per mode, the
// bond check of the access callback, notifications only to a secure link, the pairing window (sm_bonding), the passkey
// injected on the display action, pairing events, and the bond list and deletion through the store.
#include <algorithm>
#include <cstring>
#include <string>

#include "glue_test_support.h"

extern "C" {
#include "dcm_glue.h"
}

namespace
{
const ble_addr_t kPi = {0, {0x05, 0x00, 0x00, 0x67, 0xCF, 0x2C}};

void Connected(uint16_t connection, bool encrypted, bool bonded, bool authenticated = false)
{
    ble_gap_conn_desc description{};
    description.conn_handle = connection;
    description.peer_id_addr = kPi;
    description.sec_state.encrypted = encrypted ? 1 : 0;
    description.sec_state.bonded = bonded ? 1 : 0;
    description.sec_state.authenticated = authenticated ? 1 : 0;
    g_idf.connections.push_back(description);
    ble_gap_event event{};
    event.type = BLE_GAP_EVENT_CONNECT;
    event.connect.conn_handle = connection;
    g_idf.gap_listener(&event, nullptr);
}

int WriteCommand(uint16_t connection)
{
    uint8_t text[] = "0:DUTY:100";
    os_mbuf om{};
    om.om_data = text;
    om.om_len = 10;
    ble_gatt_access_ctxt context{};
    context.op = BLE_GATT_ACCESS_OP_WRITE_CHR;
    context.om = &om;
    return g_idf.access(connection, g_idf.command_handle(), &context, nullptr);
}
} // namespace

TEST_F(Glue, BondedModeFlagsTheCharacteristicsForEncryption)
{
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_gatt_set_security(DCM_GATT_SECURITY_BONDED, 300000, 0));
    Start(kUniversal);
    const ble_gatt_chr_def *characteristics = g_idf.services[0].characteristics;
    EXPECT_EQ(BLE_GATT_CHR_F_READ | BLE_GATT_CHR_F_NOTIFY | BLE_GATT_CHR_F_READ_ENC, characteristics[0].flags);
    EXPECT_EQ(BLE_GATT_CHR_F_WRITE | BLE_GATT_CHR_F_WRITE_NO_RSP | BLE_GATT_CHR_F_WRITE_ENC, characteristics[1].flags);
    EXPECT_EQ(1u, ble_hs_cfg.sm_sc);
    EXPECT_EQ(0u, ble_hs_cfg.sm_mitm);
    EXPECT_EQ(BLE_HS_IO_NO_INPUT_OUTPUT, ble_hs_cfg.sm_io_cap);
    EXPECT_EQ(DCM_RESULT_INVALID_STATE, dcm_mesh_gatt_set_security(DCM_GATT_SECURITY_OPEN, 0, 0)) << "flags are fixed at registration";
}

TEST_F(Glue, PasskeyModeAlsoNeedsAuthenticationAndDisplaysThePasskey)
{
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_gatt_set_security(DCM_GATT_SECURITY_PASSKEY, 300000, 42));
    Start(kUniversal);
    EXPECT_EQ(BLE_GATT_CHR_F_WRITE | BLE_GATT_CHR_F_WRITE_NO_RSP | BLE_GATT_CHR_F_WRITE_ENC | BLE_GATT_CHR_F_WRITE_AUTHEN,
              g_idf.services[0].characteristics[1].flags);
    EXPECT_EQ(BLE_HS_IO_DISPLAY_ONLY, ble_hs_cfg.sm_io_cap);
    EXPECT_EQ(1u, ble_hs_cfg.sm_mitm);

    Connected(7, true, true, false);
    EXPECT_EQ(BLE_ATT_ERR_INSUFFICIENT_AUTHEN, WriteCommand(7)) << "a Just Works bond is not enough";
    ble_gap_event event{};
    event.type = BLE_GAP_EVENT_PASSKEY_ACTION;
    event.passkey.conn_handle = 7;
    event.passkey.params.action = BLE_SM_IOACT_DISP;
    g_idf.gap_listener(&event, nullptr);
    ASSERT_EQ(1u, g_idf.injected.size());
    EXPECT_EQ(BLE_SM_IOACT_DISP, g_idf.injected[0].action);
    EXPECT_EQ(42u, g_idf.injected[0].passkey);
}

TEST_F(Glue, AnEncryptedLinkWithoutABondIsRefusedAndGetsNoNotifications)
{
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_gatt_set_security(DCM_GATT_SECURITY_BONDED, 0, 0));
    Start(kUniversal);
    TakeEvents();
    Connected(3, true, false);
    EXPECT_EQ(0u, ble_hs_cfg.sm_bonding) << "window closed: SMP does not store keys";
    EXPECT_EQ(BLE_ATT_ERR_INSUFFICIENT_AUTHEN, WriteCommand(3));
    for (const Event &queued : TakeEvents())
    {
        EXPECT_NE(DCM_EVENT_GATT_COMMAND_WRITTEN, queued.kind) << "nothing runs";
    }

    ble_gap_event subscribe{};
    subscribe.type = BLE_GAP_EVENT_SUBSCRIBE;
    subscribe.subscribe.conn_handle = 3;
    subscribe.subscribe.attr_handle = g_idf.data_handle();
    subscribe.subscribe.cur_notify = 1;
    g_idf.gap_listener(&subscribe, nullptr);
    const uint8_t message[] = "NODE0:DATA";
    EXPECT_EQ(DCM_RESULT_NOT_CONNECTED, dcm_mesh_gatt_notify(message, 10));
}

TEST_F(Glue, ABondedLinkIsServedAndItsPairingReported)
{
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_gatt_set_security(DCM_GATT_SECURITY_BONDED, 300000, 0));
    Start(kUniversal);
    TakeEvents();
    Connected(4, true, true);
    EXPECT_EQ(1u, ble_hs_cfg.sm_bonding) << "window open when the central connected";
    ble_gap_event encrypted{};
    encrypted.type = BLE_GAP_EVENT_ENC_CHANGE;
    encrypted.enc_change.conn_handle = 4;
    g_idf.gap_listener(&encrypted, nullptr);
    EXPECT_EQ(0, WriteCommand(4));
    std::vector<Event> events = TakeEvents();
    ASSERT_LE(2u, events.size());
    EXPECT_EQ(DCM_EVENT_GATT_PAIRED, events[events.size() - 2].kind);
    EXPECT_EQ(DCM_GATT_LINK_ENCRYPTED | DCM_GATT_LINK_BONDED, events[events.size() - 2].value);
    EXPECT_EQ(std::vector<uint8_t>({0, 0x05, 0x00, 0x00, 0x67, 0xCF, 0x2C}), events[events.size() - 2].payload);
    EXPECT_EQ(DCM_EVENT_GATT_COMMAND_WRITTEN, events.back().kind);

    g_idf.now_us = 300000LL * 1000;
    Connected(5, false, false);
    EXPECT_EQ(0u, ble_hs_cfg.sm_bonding) << "five minutes later the window is closed";
}

TEST_F(Glue, BondsAreListedAndForgottenThroughTheStore)
{
    Start(kUniversal);
    EXPECT_TRUE(std::find(g_idf.calls.begin(), g_idf.calls.end(), "ble_store_config_init") != g_idf.calls.end());
    g_idf.bonds.push_back(kPi);
    uint8_t record[DCM_GATT_BOND_RECORD_LENGTH] = {0};
    ASSERT_EQ(DCM_GATT_BOND_RECORD_LENGTH, dcm_mesh_gatt_read_bond(0, record, sizeof record));
    EXPECT_EQ(0x2C, record[6]);
    EXPECT_EQ(0u, dcm_mesh_gatt_read_bond(1, record, sizeof record));

    Connected(6, true, true);
    ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_gatt_delete_bond(record, sizeof record));
    EXPECT_TRUE(g_idf.bonds.empty());
    ASSERT_EQ(1u, g_idf.terminated.size());
    EXPECT_EQ(6, g_idf.terminated[0]);
    EXPECT_EQ(DCM_RESULT_INVALID_ARGUMENT, dcm_mesh_gatt_delete_bond(record, sizeof record)) << "no such bond: said so";
    EXPECT_EQ(DCM_RESULT_OK, dcm_mesh_gatt_delete_bond(nullptr, 0));
    EXPECT_TRUE(g_idf.store_cleared);
}
