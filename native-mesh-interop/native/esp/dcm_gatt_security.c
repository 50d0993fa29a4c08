/*
 * GATT access control for service 0xDC01 (issue 17; docs/security.md): the mode (open, bonded, passkey), the pairing
 * window, the passkey, the SMP options, the bond list (NimBLE's store, kept in NVS with CONFIG_BT_NIMBLE_NVS_PERSIST)
 * and the pairing events for managed code.
 *
 * Mode and flags: the mode is chosen before the service is registered (dcm_mesh_gatt_set_security before Start); the
 * bridge then gives DC02 BLE_GATT_CHR_F_READ_ENC and DC03 BLE_GATT_CHR_F_WRITE_ENC (bonded), plus _READ_AUTHEN /
 * _WRITE_AUTHEN (passkey), so NimBLE's ble_att_svr_check_perms answers an unencrypted access with Insufficient
 * Authentication (0x05), or Insufficient Encryption (0x0F) when it holds a bond for the peer. Those flags accept an
 * encrypted link that is not bonded, so dcm_gatt_security_access_error adds the bond check (0x05).
 *
 * Pairing window: while it is open ble_hs_cfg.sm_bonding is set and SMP stores the keys (a bond); outside it SMP may
 * still encrypt the link, without a bond, which the access check refuses. The window's end is compared with
 * esp_timer_get_time when a central connects (BLE_GAP_EVENT_CONNECT; NimBLE has no hook before a pairing starts), and
 * sm_bonding is set again whenever the window is (re)opened.
 *
 * Thread-safety: set-security, read-bond and delete-bond run on the CLR thread, the GAP listener and access checks in
 * the NimBLE host task; the window end and passkey are under the platform critical section; the mode changes only
 * before start; the tracked connections are written by the listener and read by delete-bond (a stale handle only makes
 * ble_gap_conn_find fail).
 */
#include <string.h>

#include "esp_timer.h"
#include "host/ble_hs.h"
#include "sdkconfig.h"

#include "dcm_glue.h"
#include "dcm_platform.h"

/* SMP Pairing Failed reason sent with a GattPairingFailed event when NimBLE reports no SMP reason of its own. */
#define UNSPECIFIED_REASON 0x08

/* Bonds NimBLE's store keeps (the allow-list's size). */
#define DCM_GATT_MAX_BONDS CONFIG_BT_NIMBLE_MAX_BONDS

/* Connections NimBLE can hold at once (CONFIG_BT_NIMBLE_MAX_CONNECTIONS in the sdkconfig fragment). */
#define TRACKED_CONNECTIONS 2u

static int32_t security_mode = DCM_GATT_SECURITY_OPEN;
static uint16_t connections[TRACKED_CONNECTIONS] = {BLE_HS_CONN_HANDLE_NONE, BLE_HS_CONN_HANDLE_NONE}; /* host task only */
static int64_t pairing_ends_us;
static uint32_t display_passkey;

static bool pairing_open(void)
{
    dcm_platform_enter_critical();
    int64_t ends = pairing_ends_us;
    dcm_platform_exit_critical();
    return esp_timer_get_time() < ends;
}

dcm_result_t dcm_mesh_gatt_set_security(int32_t mode, int32_t pairing_window_ms, int32_t passkey)
{
    if (mode < DCM_GATT_SECURITY_OPEN || mode > DCM_GATT_SECURITY_PASSKEY || pairing_window_ms < 0 || passkey < 0 || passkey > DCM_GATT_MAX_PASSKEY)
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

    dcm_platform_enter_critical();
    bool refused = dcm_glue.started && mode != security_mode; /* the characteristics' flags are fixed at registration */
    if (!refused)
    {
        security_mode = mode;
        pairing_ends_us = esp_timer_get_time() + (int64_t)pairing_window_ms * 1000;
        display_passkey = (uint32_t)passkey;
    }
    dcm_platform_exit_critical();
    if (refused)
    {
        return DCM_RESULT_INVALID_STATE;
    }

    /* SMP options (read by NimBLE when a pairing starts): LE Secure Connections, encryption and identity keys both ways;
     * bonded: Just Works (no input, no output, no MITM); passkey: the node displays, MITM required. */
    ble_hs_cfg.sm_sc = 1;
    ble_hs_cfg.sm_our_key_dist = BLE_SM_PAIR_KEY_DIST_ENC | BLE_SM_PAIR_KEY_DIST_ID;
    ble_hs_cfg.sm_their_key_dist = BLE_SM_PAIR_KEY_DIST_ENC | BLE_SM_PAIR_KEY_DIST_ID;
    ble_hs_cfg.sm_io_cap = mode == DCM_GATT_SECURITY_PASSKEY ? BLE_HS_IO_DISPLAY_ONLY : BLE_HS_IO_NO_INPUT_OUTPUT;
    ble_hs_cfg.sm_mitm = mode == DCM_GATT_SECURITY_PASSKEY ? 1u : 0u;
    ble_hs_cfg.sm_bonding = pairing_window_ms > 0 ? 1u : 0u;
    return DCM_RESULT_OK;
}

uint16_t dcm_gatt_security_data_flags(void)
{
    switch (security_mode)
    {
    case DCM_GATT_SECURITY_BONDED: return BLE_GATT_CHR_F_READ_ENC;
    case DCM_GATT_SECURITY_PASSKEY: return BLE_GATT_CHR_F_READ_ENC | BLE_GATT_CHR_F_READ_AUTHEN;
    default: return 0;
    }
}

uint16_t dcm_gatt_security_command_flags(void)
{
    switch (security_mode)
    {
    case DCM_GATT_SECURITY_BONDED: return BLE_GATT_CHR_F_WRITE_ENC;
    case DCM_GATT_SECURITY_PASSKEY: return BLE_GATT_CHR_F_WRITE_ENC | BLE_GATT_CHR_F_WRITE_AUTHEN;
    default: return 0;
    }
}

int dcm_gatt_security_access_error(uint16_t connection)
{
    if (security_mode == DCM_GATT_SECURITY_OPEN)
    {
        return 0;
    }

    struct ble_gap_conn_desc description;
    if (ble_gap_conn_find(connection, &description) != 0)
    {
        return BLE_ATT_ERR_UNLIKELY;
    }
    if (!description.sec_state.encrypted)
    {
        return BLE_ATT_ERR_INSUFFICIENT_ENC; /* not reached: NimBLE's flags answer first (0x05 or 0x0F) */
    }
    if (!description.sec_state.bonded || (security_mode == DCM_GATT_SECURITY_PASSKEY && !description.sec_state.authenticated))
    {
        return BLE_ATT_ERR_INSUFFICIENT_AUTHEN; /* encrypted outside the pairing window: no bond, no access */
    }
    return 0;
}

static void bond_record(const ble_addr_t *address, uint8_t *record)
{
    record[0] = address->type;
    memcpy(record + 1, address->val, sizeof address->val);
}

static void report_pairing(uint16_t connection, int status)
{
    struct ble_gap_conn_desc description;
    if (ble_gap_conn_find(connection, &description) != 0)
    {
        return;
    }

    uint8_t record[DCM_GATT_BOND_RECORD_LENGTH];
    bond_record(&description.peer_id_addr, record);
    if (status != 0)
    {
        /* NimBLE reports an SMP failure as BLE_HS_SM_US_ERR(reason) or BLE_HS_SM_PEER_ERR(reason): the reason is the low byte. */
        int32_t reason = (status & 0xff) != 0 ? (status & 0xff) : UNSPECIFIED_REASON;
        dcm_glue_queue_event(DCM_EVENT_GATT_PAIRING_FAILED, 0, 0, 0, 0, reason, record, sizeof record);
        return;
    }

    int32_t value = DCM_GATT_LINK_ENCRYPTED | (description.sec_state.authenticated ? DCM_GATT_LINK_AUTHENTICATED : 0)
                    | (description.sec_state.bonded ? DCM_GATT_LINK_BONDED : 0);
    dcm_glue_queue_event(DCM_EVENT_GATT_PAIRED, 0, 0, 0, 0, value, record, sizeof record);
}

/* Replaces the tracked connection `old_handle` (BLE_HS_CONN_HANDLE_NONE: a free slot) by `new_handle`. */
static void track(uint16_t old_handle, uint16_t new_handle)
{
    if (old_handle == new_handle)
    {
        return;
    }
    for (size_t slot = 0; slot < TRACKED_CONNECTIONS; slot++)
    {
        if (connections[slot] == old_handle)
        {
            connections[slot] = new_handle;
            return;
        }
    }
}

void dcm_gatt_security_on_gap_event(struct ble_gap_event *event)
{
    switch (event->type)
    {
    case BLE_GAP_EVENT_CONNECT:
        ble_hs_cfg.sm_bonding = pairing_open() ? 1u : 0u; /* the window as it is when this central may pair */
        track(BLE_HS_CONN_HANDLE_NONE, event->connect.status == 0 ? event->connect.conn_handle : BLE_HS_CONN_HANDLE_NONE);
        break;
    case BLE_GAP_EVENT_DISCONNECT:
        track(event->disconnect.conn.conn_handle, BLE_HS_CONN_HANDLE_NONE);
        break;
    case BLE_GAP_EVENT_ENC_CHANGE:
        report_pairing(event->enc_change.conn_handle, event->enc_change.status);
        break;
    case BLE_GAP_EVENT_PASSKEY_ACTION:
        if (event->passkey.params.action == BLE_SM_IOACT_DISP)
        {
            struct ble_sm_io io;
            memset(&io, 0, sizeof io);
            io.action = BLE_SM_IOACT_DISP;
            dcm_platform_enter_critical();
            io.passkey = display_passkey;
            dcm_platform_exit_critical();
            (void)ble_sm_inject_io(event->passkey.conn_handle, &io); /* a failure ends the pairing; ENC_CHANGE reports it */
        }
        break;
    default:
        break;
    }
}

size_t dcm_mesh_gatt_read_bond(int32_t index, uint8_t *record, size_t capacity)
{
    ble_addr_t peers[DCM_GATT_MAX_BONDS];
    int count = 0;
    if (record == NULL || capacity < DCM_GATT_BOND_RECORD_LENGTH || index < 0 || !dcm_glue.started
        || ble_store_util_bonded_peers(peers, &count, DCM_GATT_MAX_BONDS) != 0 || index >= count)
    {
        return 0u;
    }

    bond_record(&peers[index], record);
    return DCM_GATT_BOND_RECORD_LENGTH;
}

/* Ends the connection of the central with `address` (NULL: every bonded connection). */
static void disconnect_peer(const ble_addr_t *address)
{
    for (size_t slot = 0; slot < TRACKED_CONNECTIONS; slot++)
    {
        uint16_t connection = connections[slot];
        struct ble_gap_conn_desc description;
        if (connection != BLE_HS_CONN_HANDLE_NONE && ble_gap_conn_find(connection, &description) == 0
            && (address == NULL ? description.sec_state.bonded
                                : (description.peer_id_addr.type == address->type && memcmp(description.peer_id_addr.val, address->val, sizeof address->val) == 0)))
        {
            (void)ble_gap_terminate(connection, BLE_ERR_REM_USER_CONN_TERM);
        }
    }
}

dcm_result_t dcm_mesh_gatt_delete_bond(const uint8_t *record, size_t length)
{
    if ((length != 0u && length != DCM_GATT_BOND_RECORD_LENGTH) || (length != 0u && record == NULL))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }
    if (!dcm_glue.started)
    {
        return DCM_RESULT_INVALID_STATE;
    }

    if (length == 0u)
    {
        disconnect_peer(NULL);
        return ble_store_clear() == 0 ? DCM_RESULT_OK : DCM_RESULT_FAILED;
    }

    ble_addr_t address;
    address.type = record[0];
    memcpy(address.val, record + 1, sizeof address.val);
    disconnect_peer(&address);
    switch (ble_store_util_delete_peer(&address))
    {
    case 0: return DCM_RESULT_OK;
    case BLE_HS_ENOENT: return DCM_RESULT_INVALID_ARGUMENT; /* no bond with that address */
    default: return DCM_RESULT_FAILED;
    }
}

#ifdef DCM_HOST_TESTS
/* Host tests only: a fresh boot (open mode, window closed, no connections). */
void dcm_gatt_security_forget_for_tests(void)
{
    security_mode = DCM_GATT_SECURITY_OPEN;
    pairing_ends_us = 0;
    display_passkey = 0u;
    for (size_t slot = 0; slot < TRACKED_CONNECTIONS; slot++)
    {
        connections[slot] = BLE_HS_CONN_HANDLE_NONE;
    }
}
#endif
