/*
 * State and helpers shared by the ESP-IDF glue files (not part of the component's API: dcm_mesh.h is).
 *
 * One instance per device (`dcm_glue`), zero until dcm_mesh_start. Fields written after start are either
 * guarded by the core's own critical sections (queue, requests, replies) or by dcm_platform_enter_critical here
 * (the GATT and provisioner bookkeeping); each field says which.
 */
#ifndef DCM_GLUE_H
#define DCM_GLUE_H

#include <stdbool.h>
#include <stdint.h>

#include "esp_ble_mesh_config_model_api.h"
#include "esp_ble_mesh_defs.h"

#include "dcm_event_queue.h"
#include "dcm_mesh.h"
#include "dcm_reply_table.h"
#include "dcm_requests.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Event kinds (DcMonitor.MeshInterop.MeshEventKind). */
enum
{
    DCM_EVENT_VENDOR_MESSAGE_RECEIVED = 1,
    DCM_EVENT_VENDOR_SEND_COMPLETED = 2,
    DCM_EVENT_VENDOR_SEND_TIMED_OUT = 3,
    DCM_EVENT_PROVISIONED = 4,
    DCM_EVENT_NODE_RESET = 5,
    DCM_EVENT_CONFIGURATION_CHANGED = 6,
    DCM_EVENT_ONOFF_SERVER_MESSAGE = 7,
    DCM_EVENT_ONOFF_STATUS_RECEIVED = 8,
    DCM_EVENT_ONOFF_TIMED_OUT = 9,
    DCM_EVENT_GATT_CONNECTED = 10,
    DCM_EVENT_GATT_DISCONNECTED = 11,
    DCM_EVENT_GATT_SUBSCRIBED = 12,
    DCM_EVENT_GATT_MTU_CHANGED = 13,
    DCM_EVENT_GATT_COMMAND_WRITTEN = 14,
    DCM_EVENT_DEVICE_DISCOVERED = 16,
    DCM_EVENT_DEVICE_PROVISIONED = 17,
    DCM_EVENT_PROVISIONING_FAILED = 18,
    DCM_EVENT_CONFIG_STATUS_RECEIVED = 19,
    DCM_EVENT_CONFIG_TIMED_OUT = 20,
    DCM_EVENT_PROVISIONER_READY = 21,
    DCM_EVENT_GATT_COMMAND_REFUSED = 22, /* header-only, from the ring's reserve: a DC03 command did not fit (answer ERROR:BUSY) */
    DCM_EVENT_GATT_PAIRED = 23,          /* value DCM_GATT_LINK_* bits, payload the central's bond record */
    DCM_EVENT_GATT_PAIRING_FAILED = 24,  /* value the SMP reason, payload the central's bond record */
    /* The battery monitor central (dcm_ble_central.c; layouts in MeshEventKind.cs). */
    DCM_EVENT_BATTERY_MONITOR_FOUND = 25,         /* opcode address type, value RSSI, payload address (6) + name */
    DCM_EVENT_BATTERY_MONITOR_SCAN_COMPLETED = 26, /* header only */
    DCM_EVENT_BATTERY_MONITOR_READY = 27,         /* handle connection, payload address (6) */
    DCM_EVENT_BATTERY_MONITOR_NOTIFICATION = 28,  /* handle connection, payload the 0xFFF4 value */
    DCM_EVENT_BATTERY_MONITOR_DISCONNECTED = 29,  /* handle connection, value HCI reason */
    DCM_EVENT_BATTERY_MONITOR_FAILED = 30         /* opcode DCM_CENTRAL_FAILURE_*, value the stack's error code */
};

/* Failed steps of the battery monitor central (DcMonitor.Shared.Battery.BatteryMonitorLinkFailure). */
enum
{
    DCM_CENTRAL_FAILURE_CONNECT_TIMED_OUT = 1,
    DCM_CENTRAL_FAILURE_CONNECT_FAILED = 2,
    DCM_CENTRAL_FAILURE_CHARACTERISTICS_MISSING = 3,
    DCM_CENTRAL_FAILURE_SUBSCRIBE_FAILED = 4,
    DCM_CENTRAL_FAILURE_WRITE_FAILED = 5,
    DCM_CENTRAL_FAILURE_SCAN_FAILED = 6
};

/* Steps of dcm_mesh_enable_provisioner, reported in ProvisionerReady's opcode field when one fails. */
enum
{
    DCM_PROVISIONER_STEP_NET_KEY = 1,
    DCM_PROVISIONER_STEP_APP_KEY = 2,
    DCM_PROVISIONER_STEP_BIND = 3,
    DCM_PROVISIONER_STEP_UUID_MATCH = 4,
    DCM_PROVISIONER_STEP_STATIC_OOB = 5,
    DCM_PROVISIONER_STEP_ENABLE = 6
};

/* Bytes of a discovered-device record (DcMonitor.MeshInterop.MeshProvisioning.DeviceRecordLength). */
#define DCM_DEVICE_RECORD_LENGTH 26u

/* The provisioner's own unicast address and the first address it hands out (seed §1.3, §6). */
#define DCM_PROVISIONER_ADDRESS 0x0001u
#define DCM_FIRST_NODE_ADDRESS 0x0005u

typedef struct
{
    bool started;                 /* set once by dcm_mesh_start (CLR thread), read everywhere */
    uint32_t models;              /* DCM_MODEL_* of element 0, constant after start */
    bool relay_enabled;           /* constant after start */
    uint8_t default_ttl;          /* constant after start */
    uint8_t uuid[16];             /* constant after start */
    dcm_event_queue_t events;     /* own critical section */
    dcm_requests_t requests;      /* own critical section */
    dcm_reply_table_t replies;    /* own critical section */
    uint16_t next_request_id;     /* internal ids of vendor / OnOff requests: platform critical section */
    uint16_t gatt_connection;     /* central with DC02 notifications on, BLE_HS_CONN_HANDLE_NONE when none: platform critical section */
    uint16_t gatt_data_handle;    /* DC02 value handle, written by NimBLE at registration */
    uint16_t gatt_command_handle; /* DC03 value handle, written by NimBLE at registration */
    uint8_t gatt_read_value[DCM_GATT_MAX_VALUE]; /* platform critical section */
    uint16_t gatt_read_length;                   /* platform critical section */
    bool provisioner_ready;                      /* keys installed and scanning (ProvisionerReady 0): platform critical section */
    bool provisioning_busy;                      /* a device is being provisioned: platform critical section */
    uint8_t provisioning_uuid[16];               /* its UUID: platform critical section */
} dcm_glue_t;

extern dcm_glue_t dcm_glue;

/* Element 0's model for a DCM_MODEL_* flag, NULL when the composition lacks it (valid after start). */
esp_ble_mesh_model_t *dcm_glue_model(uint32_t model_flag);

/* Encodes and queues an ordinary event record (outside the ring's reserve), then signals managed code. Safe from any
 * task and callback, never allocates (the record is built on the caller's stack: DCM_EVENT_HEADER_LENGTH +
 * DCM_EVENT_MAX_PAYLOAD bytes). A payload longer than DCM_EVENT_MAX_PAYLOAD is cut to it. True when the record was
 * queued; false when the ring was full: the record is dropped and counted (reported as EventsLost). */
bool dcm_glue_queue_event(uint8_t kind, uint16_t source, uint16_t destination, uint32_t opcode, uint16_t handle, int32_t value,
                          const uint8_t *payload, size_t length);

/* As dcm_glue_queue_event, for a record whose caller answers for it when it does not fit (the DC03 write handler):
 * nothing is counted as lost. With `use_reserve` only a header-only record (no payload) is accepted, and it may use
 * the ring's reserve (dcm_event_queue_offer). True when the record was queued. */
bool dcm_glue_offer_event(uint8_t kind, uint16_t source, uint16_t destination, uint32_t opcode, uint16_t handle, int32_t value,
                          const uint8_t *payload, size_t length, bool use_reserve);

/* As dcm_glue_queue_event, for a header-only record managed code must not miss (ProvisionerReady: without it the
 * provisioner never admits a device). It may use the ring's reserve, so a burst of ordinary events (the unprovisioned
 * beacons of a hundred devices while managed code is still starting) cannot crowd it out; it is dropped and counted as
 * lost only when the reserve is full too. True when queued. */
bool dcm_glue_queue_essential_event(uint8_t kind, uint16_t source, uint16_t destination, uint32_t opcode, uint16_t handle, int32_t value);

/* True when `model` has an AppKey bound (a key slot other than ESP_BLE_MESH_KEY_UNUSED); its index in `app_index`. */
bool dcm_glue_bound_app_key(const esp_ble_mesh_model_t *model, uint16_t *app_index);

/* MeshResult for an esp_err_t returned by an esp_ble_mesh_* call. */
dcm_result_t dcm_glue_result_of(esp_err_t error);

/* A fresh request id for an internally tracked request (never 0). */
uint16_t dcm_glue_next_request_id(void);

/* Builds the message context of a send with the primary NetKey and AppKey 0 (the only keys the provisioner installs,
 * seed §6), `ttl` 0-127 or ESP_BLE_MESH_TTL_DEFAULT. */
void dcm_glue_context(esp_ble_mesh_msg_ctx_t *context, uint16_t destination, uint16_t app_index, uint8_t ttl);

/* Registration of each file's callbacks with ESP-IDF (before esp_ble_mesh_init) and their post-init steps. */
esp_err_t dcm_models_register_callbacks(void);
esp_err_t dcm_models_after_init(void);
esp_err_t dcm_provisioner_register_callbacks(void);

/* Provisioner requests (dcm_mesh_provisioner.c): true for a handle 1-65535, a unicast destination, a non-negative opcode and a
 * timeout of 100-1 200 000 ms (ESP-IDF's client message timeout range). */
bool dcm_provisioner_request_in_range(int32_t request_handle, int32_t destination, int32_t opcode, int32_t timeout_ms);

/* With `client_model` (a DCM_MODEL_* client flag) present and the provisioner ready,
 * starts tracking the request (one per destination: DCM_RESULT_BUSY otherwise) and fills `common` (device key, TTL 3, the timeout);
 * DCM_RESULT_INVALID_STATE before. The caller has checked the arguments' ranges and finishes the tracking if its send fails. */
dcm_result_t dcm_provisioner_begin_request(int32_t request_handle, int32_t destination, int32_t opcode, int32_t timeout_ms, uint32_t client_model,
                                           esp_ble_mesh_client_common_param_t *common);

/* Directed forwarding (dcm_mesh_directed.c): the DF client's callback (before esp_ble_mesh_init); a provisioner request with a
 * Directed Forwarding Configuration opcode (dcm_df_codec.h), called by dcm_mesh_send_config_request with its arguments; Directed
 * Forwarding and Directed Relay off on a node that was just provisioned (CLR-independent: a stack callback may call it). */
esp_err_t dcm_directed_register_callbacks(void);
dcm_result_t dcm_directed_send_request(int32_t request_handle, int32_t destination, int32_t opcode, const uint8_t *parameters, size_t length,
                                       int32_t timeout_ms);
void dcm_directed_node_provisioned(uint16_t net_index);
void dcm_node_prov_callback(esp_ble_mesh_prov_cb_event_t event, esp_ble_mesh_prov_cb_param_t *param);
void dcm_provisioner_prov_callback(esp_ble_mesh_prov_cb_event_t event, esp_ble_mesh_prov_cb_param_t *param);

/* GATT access control (dcm_gatt_security.c): bits of a GattPaired event's value;
 * the characteristics' security flags for the mode; the ATT error an access on
 * `connection` gets (0: allowed); the listener's share of the GAP events. */
#define DCM_GATT_LINK_ENCRYPTED 1
#define DCM_GATT_LINK_AUTHENTICATED 2
#define DCM_GATT_LINK_BONDED 4
struct ble_gap_event;
uint16_t dcm_gatt_security_data_flags(void);
uint16_t dcm_gatt_security_command_flags(void);
int dcm_gatt_security_access_error(uint16_t connection);
void dcm_gatt_security_on_gap_event(struct ble_gap_event *event);

/* GATT bridge: queue the service (before esp_ble_mesh_init), then, after it, MTU, listener and advert. */
int dcm_gatt_queue_service(void);
int dcm_gatt_after_mesh_init(void);

/* Battery monitor central (dcm_ble_central.c): true when `connection` is the central's own link (the GATT bridge does
 * not report it as a Pi connection). Safe from any task. */
bool dcm_central_owns_connection(uint16_t connection);

#ifdef DCM_HOST_TESTS
/* Host tests only: forget the central's state (a fresh boot). */
void dcm_central_forget_for_tests(void);
/* Host tests only: the scan timer's callback (what esp_timer runs when the scan's duration ends). */
void (*dcm_central_scan_timer_for_tests(void))(void *);
#endif

/* Longest wait for one round of the NimBLE host's sync with the controller, ms, and the number of rounds before the
 * start gives up (2 s × 5 = 10 s overall). The sync normally comes within tens of milliseconds of nimble_port_init; a
 * round that passes without it is logged and waited again rather than failing the start. */
#define DCM_HOST_SYNC_ROUND_MS 2000u
#define DCM_HOST_SYNC_ROUNDS 5u

/* Outcome of dcm_nimble_host_start. */
typedef enum
{
    DCM_HOST_SYNCED = 0,      /* the host is synced (now or already) */
    DCM_HOST_INIT_FAILED = 1, /* nimble_port_init failed: nothing started */
    DCM_HOST_NOT_SYNCED = 2   /* the host task runs but no sync came within DCM_HOST_SYNC_ROUNDS rounds; a later call waits again */
} dcm_host_start_t;

/* NimBLE host bring-up (CLR thread): initialises the port and starts the host task on the first call, then waits for
 * the sync in rounds (each timed-out round logged). Later calls only wait again. */
dcm_host_start_t dcm_nimble_host_start(void);

#ifdef DCM_HOST_TESTS
/* Host tests only: forget the started port and the sync (a fresh boot). */
void dcm_nimble_host_forget_for_tests(void);
/* Host tests only: the function the host task runs (given to nimble_port_freertos_init). */
void (*dcm_nimble_host_task_for_tests(void))(void *);
#endif

/* The Config Server's state (the stack updates it in place on Relay Set, Default TTL Set; valid after start). */
const esp_ble_mesh_cfg_srv_t *dcm_composition_config_server(void);

/* Composition of element 0 built for `models` (dcm_composition.c plan); NULL when the plan is empty or memory ran out. */
esp_ble_mesh_comp_t *dcm_composition_build(uint32_t models, bool relay_enabled, uint8_t default_ttl);

#ifdef __cplusplus
}
#endif

#endif /* DCM_GLUE_H */
