/*
 * The Pi's GATT bridge (seed §1.8): service 0xDC01 with 0xDC02 (read + notify; NimBLE adds the CCCD for the notify
 * property) and 0xDC03 (write and write without response), the GAP listener that reports connections, CCCD changes
 * and MTU exchanges, and the "DC-Monitor" advert.
 *
 * Advertising coexistence: NimBLE with legacy advertising (CONFIG_BT_NIMBLE_EXT_ADV=n) has one advertising set, and
 * ESP-BLE-MESH's advertising task owns it (core/adv.c adv_thread starts and stops it for every mesh packet). A second
 * owner calling ble_gap_adv_start would fail with BLE_HS_EALREADY whenever a mesh packet is on air and would stop
 * mesh packets otherwise. So the advert is handed to the mesh's own queue with esp_ble_mesh_start_ble_advertising
 * (CONFIG_BLE_MESH_SUPPORT_BLE_ADV; core/ble_adv.c bt_mesh_start_ble_advertising, sent by
 * core/nimble_host/adapter.c bt_mesh_ble_adv_start): connectable undirected, re-posted every period forever
 * (count ESP_BLE_MESH_BLE_ADV_INFINITE). It therefore keeps running after provisioning and after every disconnect
 * without anything restarting it (seed bug B29), and mesh traffic never waits behind it (low priority).
 *
 * Connections made through that advert are handed by the adapter's gap_event_cb to the mesh proxy server's connect
 * callback (adapter.c gap_event_cb, BLE_GAP_EVENT_CONNECT), which only counts them; they are not mesh proxy clients
 * unless they write the proxy characteristic. The glue sees every GAP event through ble_gap_event_listener_register
 * (NimBLE ble_gap.c ble_gap_event_listener_call runs listeners before the connection's callback).
 *
 * Rejected: starting our own advertising with ble_gap_adv_start between mesh packets (races the mesh's adv task for
 * the single legacy instance); NimBLE extended advertising with a second instance (breaks the mesh's adverts on
 * IDF 5.x NimBLE, and CONFIG_BLE_MESH_USE_BLE_50 is experimental); registering the service after esp_ble_mesh_init
 * (NimBLE refuses once the mesh advertises: BLE_HS_EBUSY).
 *
 * Access control (dcm_gatt_security.c): the characteristics get the security flags of the mode set before start, the
 * access callback refuses an encrypted link without a bond, and notifications reach only a link that meets the mode.
 *
 * Thread-safety: the access callback and the listener run in the NimBLE host task; notify and set-read-value on the CLR
 * thread. Shared fields (the subscribed connection, the read value) are under the platform critical section.
 */
#include <string.h>

#include "esp_ble_mesh_ble_api.h"
#include "host/ble_hs.h"
#include "services/gap/ble_svc_gap.h"

#include "dcm_glue.h"
#include "dcm_platform.h"

/* Advert timing: 30 ms interval (48 x 0.625 ms), on air 90 ms (three advertising events), re-posted every 300 ms. */
#define ADVERT_INTERVAL_UNITS 48u
#define ADVERT_DURATION_MS 90u
#define ADVERT_PERIOD_MS 300u

static struct ble_gap_event_listener gap_listener;

static int access_characteristic(uint16_t connection, uint16_t attribute, struct ble_gatt_access_ctxt *context, void *argument);

/* Not const: dcm_gatt_queue_service sets the security flags of the mode before registering them. */
static struct ble_gatt_chr_def characteristics[] = {
    {
        .uuid = BLE_UUID16_DECLARE(DCM_GATT_DATA_UUID),
        .access_cb = access_characteristic,
        .flags = BLE_GATT_CHR_F_READ | BLE_GATT_CHR_F_NOTIFY,
        .val_handle = &dcm_glue.gatt_data_handle,
    },
    {
        .uuid = BLE_UUID16_DECLARE(DCM_GATT_COMMAND_UUID),
        .access_cb = access_characteristic,
        .flags = BLE_GATT_CHR_F_WRITE | BLE_GATT_CHR_F_WRITE_NO_RSP,
        .val_handle = &dcm_glue.gatt_command_handle,
    },
    {0},
};

static const struct ble_gatt_svc_def services[] = {
    {
        .type = BLE_GATT_SVC_TYPE_PRIMARY,
        .uuid = BLE_UUID16_DECLARE(DCM_GATT_SERVICE_UUID),
        .characteristics = characteristics,
    },
    {0},
};

static int access_characteristic(uint16_t connection, uint16_t attribute, struct ble_gatt_access_ctxt *context, void *argument)
{
    (void)argument;
    int security_error = dcm_gatt_security_access_error(connection);
    if (security_error != 0)
    {
        return security_error; /* encrypted but not bonded (or not authenticated in passkey mode): nothing is queued */
    }

    if (context->op == BLE_GATT_ACCESS_OP_READ_CHR && attribute == dcm_glue.gatt_data_handle)
    {
        uint8_t value[DCM_GATT_MAX_VALUE];
        dcm_platform_enter_critical();
        uint16_t length = dcm_glue.gatt_read_length;
        memcpy(value, dcm_glue.gatt_read_value, length);
        dcm_platform_exit_critical();
        return os_mbuf_append(context->om, value, length) == 0 ? 0 : BLE_ATT_ERR_INSUFFICIENT_RES;
    }

    if (context->op == BLE_GATT_ACCESS_OP_WRITE_CHR && attribute == dcm_glue.gatt_command_handle)
    {
        uint8_t value[DCM_EVENT_MAX_PAYLOAD];
        uint16_t length = 0;
        if (ble_hs_mbuf_to_flat(context->om, value, sizeof value, &length) != 0)
        {
            return BLE_ATT_ERR_INVALID_ATTR_VALUE_LEN; /* longer than any command; refused, never cut */
        }
        /* Backpressure (README "Queue sizes and backpressure"): an acknowledged command is never dropped. When the
         * command does not fit in the ring, a header-only "refused" record goes into the ring's reserve and the write
         * still succeeds: managed code answers it with ERROR:BUSY. Only when even that does not fit is the write
         * refused at the ATT layer (the Pi's write-with-response fails). Neither counts as a lost event. */
        if (dcm_glue_offer_event(DCM_EVENT_GATT_COMMAND_WRITTEN, 0, 0, 0, 0, connection, value, length, false))
        {
            return 0;
        }
        if (dcm_glue_offer_event(DCM_EVENT_GATT_COMMAND_REFUSED, 0, 0, 0, 0, connection, NULL, 0, true))
        {
            return 0;
        }
        return BLE_ATT_ERR_INSUFFICIENT_RES;
    }

    return BLE_ATT_ERR_UNLIKELY;
}

static int on_gap_event(struct ble_gap_event *event, void *argument)
{
    (void)argument;
    /* The battery monitor central's own link (we are its master) is no Pi connection: dcm_ble_central.c reports it. */
    if ((event->type == BLE_GAP_EVENT_CONNECT && event->connect.status == 0 && dcm_central_owns_connection(event->connect.conn_handle)) ||
        (event->type == BLE_GAP_EVENT_DISCONNECT && dcm_central_owns_connection(event->disconnect.conn.conn_handle)))
    {
        return 0;
    }
    dcm_gatt_security_on_gap_event(event);
    switch (event->type)
    {
    case BLE_GAP_EVENT_CONNECT:
        if (event->connect.status == 0)
        {
            dcm_glue_queue_event(DCM_EVENT_GATT_CONNECTED, 0, 0, 0, 0, event->connect.conn_handle, NULL, 0);
        }
        break;
    case BLE_GAP_EVENT_DISCONNECT:
    {
        uint16_t connection = event->disconnect.conn.conn_handle;
        dcm_platform_enter_critical();
        if (dcm_glue.gatt_connection == connection)
        {
            dcm_glue.gatt_connection = BLE_HS_CONN_HANDLE_NONE;
        }
        dcm_platform_exit_critical();
        dcm_glue_queue_event(DCM_EVENT_GATT_DISCONNECTED, 0, 0, 0, 0, connection, NULL, 0);
        break;
    }
    case BLE_GAP_EVENT_SUBSCRIBE:
        if (event->subscribe.attr_handle == dcm_glue.gatt_data_handle)
        {
            bool on = event->subscribe.cur_notify != 0;
            dcm_platform_enter_critical();
            if (on)
            {
                dcm_glue.gatt_connection = event->subscribe.conn_handle;
            }
            else if (dcm_glue.gatt_connection == event->subscribe.conn_handle)
            {
                dcm_glue.gatt_connection = BLE_HS_CONN_HANDLE_NONE;
            }
            dcm_platform_exit_critical();
            dcm_glue_queue_event(DCM_EVENT_GATT_SUBSCRIBED, 0, 0, 0, 0, on ? 1 : 0, NULL, 0);
        }
        break;
    case BLE_GAP_EVENT_MTU:
        dcm_glue_queue_event(DCM_EVENT_GATT_MTU_CHANGED, 0, 0, 0, 0, event->mtu.value, NULL, 0);
        break;
    default:
        break;
    }
    return 0;
}

int dcm_gatt_queue_service(void)
{
    static const char ready[] = "NODE_READY"; /* seed §1.8: DC02's value before the first message */
    memcpy(dcm_glue.gatt_read_value, ready, sizeof ready - 1u);
    dcm_glue.gatt_read_length = (uint16_t)(sizeof ready - 1u);

    characteristics[0].flags = BLE_GATT_CHR_F_READ | BLE_GATT_CHR_F_NOTIFY | dcm_gatt_security_data_flags();
    characteristics[1].flags = BLE_GATT_CHR_F_WRITE | BLE_GATT_CHR_F_WRITE_NO_RSP | dcm_gatt_security_command_flags();
    int result = ble_gatts_count_cfg(services);
    if (result == 0)
    {
        result = ble_gatts_add_svcs(services);
    }
    return result;
}

/* Writes the advertising data of seed §1.8: flags, complete list of 16-bit UUIDs [0xDC01], complete local name. */
static void advert_data(esp_ble_mesh_ble_adv_data_t *data)
{
    static const char name[] = DCM_GATT_DEVICE_NAME;
    uint8_t *p = data->adv_data;
    *p++ = 2;
    *p++ = BLE_HS_ADV_TYPE_FLAGS;
    *p++ = BLE_HS_ADV_F_DISC_GEN | BLE_HS_ADV_F_BREDR_UNSUP;
    *p++ = 3;
    *p++ = BLE_HS_ADV_TYPE_COMP_UUIDS16;
    *p++ = (uint8_t)DCM_GATT_SERVICE_UUID;
    *p++ = (uint8_t)(DCM_GATT_SERVICE_UUID >> 8);
    *p++ = (uint8_t)(sizeof name); /* type byte + name without its terminator */
    *p++ = BLE_HS_ADV_TYPE_COMP_NAME;
    memcpy(p, name, sizeof name - 1u);
    p += sizeof name - 1u;
    data->adv_data_len = (uint8_t)(p - data->adv_data);
    data->scan_rsp_data_len = 0;
}

int dcm_gatt_after_mesh_init(void)
{
    /* bt_mesh_gatt_init sets the preferred MTU to 23 (adapter.c); the bridge prefers 185 (seed §1.8). The proxy server's
     * init names the device "ESP-BLE-MESH" (proxy_server.c); the GAP name is "DC-Monitor" (seed §1.8), while the
     * proxy's own adverts keep their name, which the Pi also accepts (seed §1.8). */
    int result = ble_att_set_preferred_mtu(DCM_GATT_PREFERRED_MTU);
    if (result == 0)
    {
        result = ble_svc_gap_device_name_set(DCM_GATT_DEVICE_NAME);
    }
    if (result == 0)
    {
        result = ble_gap_event_listener_register(&gap_listener, on_gap_event, NULL);
    }
    if (result != 0)
    {
        return result;
    }

    esp_ble_mesh_ble_adv_param_t parameters;
    memset(&parameters, 0, sizeof parameters);
    parameters.interval = ADVERT_INTERVAL_UNITS;
    parameters.adv_type = BLE_MESH_ADV_IND;
    parameters.own_addr_type = BLE_MESH_ADDR_PUBLIC;
    parameters.duration = ADVERT_DURATION_MS;
    parameters.period = ADVERT_PERIOD_MS;
    parameters.count = ESP_BLE_MESH_BLE_ADV_INFINITE;
    parameters.priority = ESP_BLE_MESH_BLE_ADV_PRIO_LOW;
    esp_ble_mesh_ble_adv_data_t data;
    memset(&data, 0, sizeof data);
    advert_data(&data);
    return esp_ble_mesh_start_ble_advertising(&parameters, &data) == ESP_OK ? 0 : -1;
}

dcm_result_t dcm_mesh_gatt_notify(const uint8_t *value, size_t length)
{
    if (value == NULL || length == 0u || length > DCM_GATT_MAX_VALUE)
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

    dcm_platform_enter_critical();
    uint16_t connection = dcm_glue.started ? dcm_glue.gatt_connection : BLE_HS_CONN_HANDLE_NONE;
    dcm_platform_exit_critical();
    if (connection == BLE_HS_CONN_HANDLE_NONE || dcm_gatt_security_access_error(connection) != 0)
    {
        return DCM_RESULT_NOT_CONNECTED; /* DC02 notifications only reach a link that meets the GATT mode (docs/security.md) */
    }

    uint16_t mtu = ble_att_mtu(connection);
    if (mtu == 0u)
    {
        return DCM_RESULT_NOT_CONNECTED;
    }
    if (length > (size_t)(mtu - 3u))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

    struct os_mbuf *buffer = ble_hs_mbuf_from_flat(value, (uint16_t)length);
    if (buffer == NULL)
    {
        return DCM_RESULT_NO_MEMORY;
    }

    switch (ble_gatts_notify_custom(connection, dcm_glue.gatt_data_handle, buffer)) /* consumes the buffer */
    {
    case 0: return DCM_RESULT_OK;
    case BLE_HS_ENOTCONN: return DCM_RESULT_NOT_CONNECTED;
    case BLE_HS_ENOMEM: return DCM_RESULT_NO_MEMORY;
    default: return DCM_RESULT_FAILED;
    }
}

dcm_result_t dcm_mesh_gatt_set_read_value(const uint8_t *value, size_t length)
{
    if ((value == NULL && length > 0u) || length > DCM_GATT_MAX_VALUE)
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }
    if (!dcm_glue.started)
    {
        return DCM_RESULT_INVALID_STATE;
    }

    dcm_platform_enter_critical();
    if (length > 0u)
    {
        memcpy(dcm_glue.gatt_read_value, value, length);
    }
    dcm_glue.gatt_read_length = (uint16_t)length;
    dcm_platform_exit_critical();
    return DCM_RESULT_OK;
}
