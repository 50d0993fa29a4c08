/*
 * The battery monitor central (issue 18; docs/battery-monitor.md "Native central"): scans for, connects to and talks to
 * one BM6-family battery monitor on the NimBLE host that ESP-BLE-MESH already runs, without stopping the mesh.
 *
 * Scanning: ESP-BLE-MESH on NimBLE owns the host's single discovery procedure (ble_gap_disc; a second one gets
 * BLE_HS_EALREADY), and scans continuously. So the central does not scan itself: with CONFIG_BLE_MESH_SUPPORT_BLE_SCAN
 * the mesh's scanner hands every advert that is not a mesh packet to ESP_BLE_MESH_SCAN_BLE_ADVERTISING_PKT_EVT while
 * esp_ble_mesh_start_ble_scanning is in force (core/scan.c callback_ble_adv_pkt; the duration it takes is not used by
 * the stack, so an esp_timer ends the scan). The mesh scans passively: only what the advert itself carries (no scan
 * response) is seen. Each recognised device (dcm_adv_filter.h) is reported once per scan.
 *
 * Connecting: ble_gap_connect while the mesh's discovery runs needs CONFIG_BT_NIMBLE_HOST_ALLOW_CONNECT_WITH_SCAN
 * (otherwise NimBLE refuses with BLE_HS_EBUSY and the mesh's scanner would have to stop); the controller then initiates
 * beside the scan. The connection's timeout is ble_gap_connect's own duration (BLE_GAP_EVENT_CONNECT with
 * BLE_HS_ETIMEOUT). CONFIG_BT_NIMBLE_MAX_CONNECTIONS=3: the Pi, a phone's PB-GATT/proxy or a standby Pi, and this one.
 * Then service 0xFFF0 by UUID, its characteristics (0xFFF3 write, 0xFFF4 notify), 0xFFF4's descriptors up to the next
 * characteristic (its CCCD 0x2902), a write of 0x0001 to the CCCD; then BatteryMonitorReady. Notifications arrive on
 * the connection's own GAP callback (BLE_GAP_EVENT_NOTIFY_RX). The GATT bridge's listener sees this connection too and
 * leaves it out of its GattConnected/GattDisconnected reports (dcm_central_owns_connection: we are its master).
 *
 * At most one scan or one connection at a time. Every failure and timeout is a BatteryMonitorFailed event with the
 * step (DCM_CENTRAL_FAILURE_*) and the stack's code; a failure after the link is up also ends the link
 * (BatteryMonitorDisconnected follows).
 *
 * Thread-safety: the calls run on the CLR thread; the scan callback in the BTC task, the timer in the esp_timer task,
 * the GAP and GATT callbacks in the NimBLE host task. The state is under the platform critical section; NimBLE and
 * ESP-IDF calls are made outside it.
 */
#include <string.h>

#include "esp_ble_mesh_ble_api.h"
#include "esp_timer.h"
#include "host/ble_hs.h"

#include "dcm_adv_filter.h"
#include "dcm_glue.h"
#include "dcm_platform.h"

/* Devices remembered per scan for "once per scan"; more distinct monitors than this in one scan are reported again. */
#define SEEN_CAPACITY 8u
/* The CCCD value that enables notifications (Core spec Vol 3 Part G §3.3.3.3). */
#define CCCD_NOTIFY 0x0001u
#define CCCD_UUID 0x2902u

typedef enum
{
    CENTRAL_IDLE = 0,
    CENTRAL_SCANNING,
    CENTRAL_CONNECTING,
    CENTRAL_DISCOVERING, /* service, characteristics, CCCD, subscription */
    CENTRAL_READY
} central_state_t;

static struct
{
    central_state_t state;
    bool cancelling;      /* Disconnect during CONNECTING: the cancelled connect raises no failure */
    bool failed;          /* a failure was reported for this link: its disconnect is still reported, nothing else */
    bool writing;         /* a write to 0xFFF3 waits for its response */
    bool callback_registered;
    uint16_t connection;
    uint8_t address[6];
    uint16_t service_start;
    uint16_t service_end;
    uint16_t write_handle;
    uint16_t notify_handle;
    uint16_t notify_end; /* last handle of 0xFFF4's descriptors */
    uint16_t cccd_handle;
    uint8_t seen[SEEN_CAPACITY][7];
    uint8_t seen_count;
    esp_timer_handle_t scan_timer;
} central = {.connection = BLE_HS_CONN_HANDLE_NONE};

static void report_failure(uint8_t step, int code)
{
    dcm_glue_queue_event(DCM_EVENT_BATTERY_MONITOR_FAILED, 0, 0, step, central.connection == BLE_HS_CONN_HANDLE_NONE ? 0 : central.connection,
                         code, NULL, 0);
}

/* A failure after the link is up: reported, then the link ends (the disconnect is reported when it comes). */
static void fail_link(uint16_t connection, uint8_t step, int code)
{
    dcm_platform_enter_critical();
    central.failed = true;
    dcm_platform_exit_critical();
    report_failure(step, code);
    (void)ble_gap_terminate(connection, BLE_ERR_REM_USER_CONN_TERM);
}

bool dcm_central_owns_connection(uint16_t connection)
{
    dcm_platform_enter_critical();
    central_state_t state = central.state;
    bool known = connection != BLE_HS_CONN_HANDLE_NONE && connection == central.connection;
    dcm_platform_exit_critical();
    if (known)
    {
        return true;
    }
    /* A link that completes while the central connects: NimBLE calls the listeners before the connection's own callback
     * has stored its handle, so the role tells (we are the master of the battery monitor's link only). */
    struct ble_gap_conn_desc description;
    return state == CENTRAL_CONNECTING && ble_gap_conn_find(connection, &description) == 0 && description.role == BLE_GAP_ROLE_MASTER;
}

/* ---- scanning --------------------------------------------------------------------------------------------------- */

static void on_mesh_ble_event(esp_ble_mesh_ble_cb_event_t event, esp_ble_mesh_ble_cb_param_t *param)
{
    if (event != ESP_BLE_MESH_SCAN_BLE_ADVERTISING_PKT_EVT)
    {
        return; /* start/stop completions: a refused start is seen as esp_ble_mesh_start_ble_scanning's result */
    }

    dcm_adv_match_t match;
    dcm_adv_filter_match(param->scan_ble_adv_pkt.data, param->scan_ble_adv_pkt.length, &match);
    if (!match.matches)
    {
        return;
    }

    uint8_t key[7];
    memcpy(key, param->scan_ble_adv_pkt.addr, 6u);
    key[6] = param->scan_ble_adv_pkt.addr_type;
    bool report = false;
    dcm_platform_enter_critical();
    if (central.state == CENTRAL_SCANNING)
    {
        report = true;
        for (uint8_t i = 0; i < central.seen_count; i++)
        {
            if (memcmp(central.seen[i], key, sizeof key) == 0)
            {
                report = false;
            }
        }
        if (report && central.seen_count < SEEN_CAPACITY)
        {
            memcpy(central.seen[central.seen_count++], key, sizeof key);
        }
    }
    dcm_platform_exit_critical();
    if (!report)
    {
        return;
    }

    uint8_t payload[6u + DCM_ADV_NAME_MAX];
    memcpy(payload, key, 6u);
    memcpy(payload + 6u, match.name, match.name_length);
    dcm_glue_queue_event(DCM_EVENT_BATTERY_MONITOR_FOUND, 0, 0, key[6], 0, param->scan_ble_adv_pkt.rssi, payload, 6u + (size_t)match.name_length);
}

static void scan_timer_expired(void *argument)
{
    (void)argument;
    dcm_platform_enter_critical();
    bool scanning = central.state == CENTRAL_SCANNING;
    if (scanning)
    {
        central.state = CENTRAL_IDLE;
    }
    dcm_platform_exit_critical();
    if (scanning)
    {
        (void)esp_ble_mesh_stop_ble_scanning();
        dcm_glue_queue_event(DCM_EVENT_BATTERY_MONITOR_SCAN_COMPLETED, 0, 0, 0, 0, 0, NULL, 0);
    }
}

/* Takes the central from idle to `next` (a new scan starts with an empty seen-table); false when it is not idle. */
static bool claim(central_state_t next)
{
    dcm_platform_enter_critical();
    bool idle = central.state == CENTRAL_IDLE;
    if (idle)
    {
        central.state = next;
        central.seen_count = 0;
    }
    dcm_platform_exit_critical();
    return idle;
}

static void release(void)
{
    dcm_platform_enter_critical();
    central.state = CENTRAL_IDLE;
    central.connection = BLE_HS_CONN_HANDLE_NONE;
    central.cancelling = false;
    central.failed = false;
    central.writing = false;
    dcm_platform_exit_critical();
}

dcm_result_t dcm_mesh_central_start_scan(int32_t duration_ms)
{
    if (duration_ms < DCM_CENTRAL_MIN_DURATION_MS || duration_ms > DCM_CENTRAL_MAX_DURATION_MS)
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }
    if (!dcm_glue.started)
    {
        return DCM_RESULT_INVALID_STATE;
    }
    if (!claim(CENTRAL_SCANNING))
    {
        return DCM_RESULT_BUSY;
    }

    if (!central.callback_registered)
    {
        if (esp_ble_mesh_register_ble_callback(on_mesh_ble_event) != ESP_OK)
        {
            release();
            dcm_platform_log(DCM_LOG_ERROR, "battery monitor: the mesh refused the BLE scan callback");
            return DCM_RESULT_FAILED;
        }
        central.callback_registered = true;
    }
    if (central.scan_timer == NULL)
    {
        esp_timer_create_args_t timer = {.callback = scan_timer_expired, .arg = NULL, .dispatch_method = ESP_TIMER_TASK, .name = "dcm_bm_scan"};
        if (esp_timer_create(&timer, &central.scan_timer) != ESP_OK)
        {
            release();
            dcm_platform_log(DCM_LOG_ERROR, "battery monitor: no timer for the scan");
            return DCM_RESULT_FAILED;
        }
    }

    esp_ble_mesh_ble_scan_param_t scan = {.duration = (uint32_t)duration_ms};
    esp_err_t started = esp_ble_mesh_start_ble_scanning(&scan);
    if (started != ESP_OK)
    {
        release();
        report_failure(DCM_CENTRAL_FAILURE_SCAN_FAILED, started);
        return DCM_RESULT_OK;
    }
    if (esp_timer_start_once(central.scan_timer, (uint64_t)duration_ms * 1000u) != ESP_OK)
    {
        (void)esp_ble_mesh_stop_ble_scanning();
        release();
        report_failure(DCM_CENTRAL_FAILURE_SCAN_FAILED, -1);
    }
    return DCM_RESULT_OK;
}

/* ---- connection ------------------------------------------------------------------------------------------------- */

static int on_subscribed(uint16_t connection, const struct ble_gatt_error *error, struct ble_gatt_attr *attribute, void *argument)
{
    (void)attribute;
    (void)argument;
    if (error->status != 0)
    {
        fail_link(connection, DCM_CENTRAL_FAILURE_SUBSCRIBE_FAILED, error->status);
        return 0;
    }
    dcm_platform_enter_critical();
    central.state = CENTRAL_READY;
    dcm_platform_exit_critical();
    dcm_glue_queue_event(DCM_EVENT_BATTERY_MONITOR_READY, 0, 0, 0, connection, 0, central.address, sizeof central.address);
    return 0;
}

static int on_descriptor(uint16_t connection, const struct ble_gatt_error *error, uint16_t characteristic, const struct ble_gatt_dsc *descriptor,
                         void *argument)
{
    (void)characteristic;
    (void)argument;
    if (error->status == 0)
    {
        if (central.cccd_handle == 0u && ble_uuid_u16(&descriptor->uuid.u) == CCCD_UUID)
        {
            central.cccd_handle = descriptor->handle;
        }
        return 0;
    }
    if (error->status != BLE_HS_EDONE || central.cccd_handle == 0u)
    {
        fail_link(connection, DCM_CENTRAL_FAILURE_CHARACTERISTICS_MISSING, error->status == BLE_HS_EDONE ? 0 : error->status);
        return 0;
    }
    static const uint8_t enable[2] = {(uint8_t)CCCD_NOTIFY, (uint8_t)(CCCD_NOTIFY >> 8)};
    int result = ble_gattc_write_flat(connection, central.cccd_handle, enable, sizeof enable, on_subscribed, NULL);
    if (result != 0)
    {
        fail_link(connection, DCM_CENTRAL_FAILURE_SUBSCRIBE_FAILED, result);
    }
    return 0;
}

static int on_characteristic(uint16_t connection, const struct ble_gatt_error *error, const struct ble_gatt_chr *characteristic, void *argument)
{
    (void)argument;
    if (error->status == 0)
    {
        uint16_t uuid = characteristic->uuid.u.type == BLE_UUID_TYPE_16 ? ble_uuid_u16(&characteristic->uuid.u) : 0u;
        if (central.notify_handle != 0u && central.notify_end == central.service_end && characteristic->def_handle > central.notify_handle)
        {
            central.notify_end = (uint16_t)(characteristic->def_handle - 1u); /* 0xFFF4's descriptors end before the next characteristic */
        }
        if (uuid == DCM_BATTERY_WRITE_UUID)
        {
            central.write_handle = characteristic->val_handle;
        }
        else if (uuid == DCM_BATTERY_NOTIFY_UUID)
        {
            central.notify_handle = characteristic->val_handle;
            central.notify_end = central.service_end;
        }
        return 0;
    }
    if (error->status != BLE_HS_EDONE || central.write_handle == 0u || central.notify_handle == 0u || central.notify_end <= central.notify_handle)
    {
        fail_link(connection, DCM_CENTRAL_FAILURE_CHARACTERISTICS_MISSING, error->status == BLE_HS_EDONE ? 0 : error->status);
        return 0;
    }
    int result = ble_gattc_disc_all_dscs(connection, (uint16_t)(central.notify_handle + 1u), central.notify_end, on_descriptor, NULL);
    if (result != 0)
    {
        fail_link(connection, DCM_CENTRAL_FAILURE_CHARACTERISTICS_MISSING, result);
    }
    return 0;
}

static int on_service(uint16_t connection, const struct ble_gatt_error *error, const struct ble_gatt_svc *service, void *argument)
{
    (void)argument;
    if (error->status == 0)
    {
        if (central.service_end == 0u)
        {
            central.service_start = service->start_handle;
            central.service_end = service->end_handle;
        }
        return 0;
    }
    if (error->status != BLE_HS_EDONE || central.service_end == 0u)
    {
        fail_link(connection, DCM_CENTRAL_FAILURE_CHARACTERISTICS_MISSING, error->status == BLE_HS_EDONE ? 0 : error->status);
        return 0;
    }
    int result = ble_gattc_disc_all_chrs(connection, central.service_start, central.service_end, on_characteristic, NULL);
    if (result != 0)
    {
        fail_link(connection, DCM_CENTRAL_FAILURE_CHARACTERISTICS_MISSING, result);
    }
    return 0;
}

static int on_gap_event(struct ble_gap_event *event, void *argument)
{
    (void)argument;
    switch (event->type)
    {
    case BLE_GAP_EVENT_CONNECT:
    {
        if (event->connect.status != 0)
        {
            dcm_platform_enter_critical();
            bool cancelled = central.cancelling;
            dcm_platform_exit_critical();
            release();
            if (!cancelled)
            {
                report_failure(event->connect.status == BLE_HS_ETIMEOUT ? DCM_CENTRAL_FAILURE_CONNECT_TIMED_OUT : DCM_CENTRAL_FAILURE_CONNECT_FAILED,
                               event->connect.status);
            }
            return 0;
        }
        dcm_platform_enter_critical();
        bool cancelled = central.cancelling;
        central.connection = event->connect.conn_handle;
        central.state = CENTRAL_DISCOVERING;
        central.service_start = 0;
        central.service_end = 0;
        central.write_handle = 0;
        central.notify_handle = 0;
        central.notify_end = 0;
        central.cccd_handle = 0;
        dcm_platform_exit_critical();
        if (cancelled)
        {
            /* The disconnect came as the link completed: end it (reported as Disconnected). */
            (void)ble_gap_terminate(event->connect.conn_handle, BLE_ERR_REM_USER_CONN_TERM);
            return 0;
        }
        int result = ble_gattc_disc_svc_by_uuid(event->connect.conn_handle, BLE_UUID16_DECLARE(DCM_BATTERY_SERVICE_UUID), on_service, NULL);
        if (result != 0)
        {
            fail_link(event->connect.conn_handle, DCM_CENTRAL_FAILURE_CHARACTERISTICS_MISSING, result);
        }
        return 0;
    }
    case BLE_GAP_EVENT_DISCONNECT:
    {
        uint16_t connection = event->disconnect.conn.conn_handle;
        release();
        dcm_glue_queue_event(DCM_EVENT_BATTERY_MONITOR_DISCONNECTED, 0, 0, 0, connection, event->disconnect.reason, NULL, 0);
        return 0;
    }
    case BLE_GAP_EVENT_NOTIFY_RX:
    {
        if (event->notify_rx.attr_handle != central.notify_handle)
        {
            return 0;
        }
        uint8_t value[DCM_EVENT_MAX_PAYLOAD];
        uint16_t length = 0;
        if (ble_hs_mbuf_to_flat(event->notify_rx.om, value, sizeof value, &length) != 0 && length == 0u)
        {
            return 0;
        }
        /* NimBLE frees the notification's mbuf after this callback returns. */
        dcm_glue_queue_event(DCM_EVENT_BATTERY_MONITOR_NOTIFICATION, 0, 0, 0, event->notify_rx.conn_handle, 0, value, length);
        return 0;
    }
    default:
        return 0;
    }
}

dcm_result_t dcm_mesh_central_connect(const uint8_t *address, size_t length, int32_t address_type, int32_t timeout_ms)
{
    if (address == NULL || length != 6u || address_type < 0 || address_type > 1 || timeout_ms < DCM_CENTRAL_MIN_DURATION_MS ||
        timeout_ms > DCM_CENTRAL_MAX_DURATION_MS)
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }
    if (!dcm_glue.started)
    {
        return DCM_RESULT_INVALID_STATE;
    }
    if (!claim(CENTRAL_CONNECTING))
    {
        return DCM_RESULT_BUSY;
    }

    memcpy(central.address, address, 6u);
    ble_addr_t peer;
    peer.type = (uint8_t)address_type;
    memcpy(peer.val, address, 6u);
    int result = ble_gap_connect(BLE_OWN_ADDR_PUBLIC, &peer, timeout_ms, NULL, on_gap_event, NULL);
    if (result != 0)
    {
        release();
        report_failure(DCM_CENTRAL_FAILURE_CONNECT_FAILED, result);
    }
    return DCM_RESULT_OK;
}

static int on_written(uint16_t connection, const struct ble_gatt_error *error, struct ble_gatt_attr *attribute, void *argument)
{
    (void)connection;
    (void)attribute;
    (void)argument;
    dcm_platform_enter_critical();
    central.writing = false;
    dcm_platform_exit_critical();
    if (error->status != 0)
    {
        report_failure(DCM_CENTRAL_FAILURE_WRITE_FAILED, error->status);
    }
    return 0;
}

dcm_result_t dcm_mesh_central_write(const uint8_t *block, size_t length)
{
    if (block == NULL || length != DCM_CENTRAL_BLOCK_LENGTH)
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }
    dcm_platform_enter_critical();
    central_state_t state = central.state;
    bool writing = central.writing;
    if (state == CENTRAL_READY && !writing)
    {
        central.writing = true;
    }
    uint16_t connection = central.connection;
    uint16_t handle = central.write_handle;
    dcm_platform_exit_critical();
    if (state != CENTRAL_READY)
    {
        return DCM_RESULT_NOT_CONNECTED;
    }
    if (writing)
    {
        return DCM_RESULT_BUSY;
    }
    int result = ble_gattc_write_flat(connection, handle, block, (uint16_t)length, on_written, NULL);
    if (result != 0)
    {
        dcm_platform_enter_critical();
        central.writing = false;
        dcm_platform_exit_critical();
        report_failure(DCM_CENTRAL_FAILURE_WRITE_FAILED, result);
    }
    return DCM_RESULT_OK;
}

dcm_result_t dcm_mesh_central_disconnect(void)
{
    dcm_platform_enter_critical();
    central_state_t state = central.state;
    uint16_t connection = central.connection;
    if (state == CENTRAL_CONNECTING)
    {
        central.cancelling = true;
    }
    dcm_platform_exit_critical();
    if (state == CENTRAL_CONNECTING)
    {
        /* BLE_HS_EALREADY: the link completed meanwhile; the connect handler ends it (cancelling is set). */
        (void)ble_gap_conn_cancel();
    }
    else if (state == CENTRAL_DISCOVERING || state == CENTRAL_READY)
    {
        (void)ble_gap_terminate(connection, BLE_ERR_REM_USER_CONN_TERM);
    }
    return DCM_RESULT_OK;
}

#ifdef DCM_HOST_TESTS
void dcm_central_forget_for_tests(void)
{
    memset(&central, 0, sizeof central);
    central.connection = BLE_HS_CONN_HANDLE_NONE;
}

void (*dcm_central_scan_timer_for_tests(void))(void *)
{
    return scan_timer_expired;
}
#endif
