/*
 * Start, node provisioning and node reset (issue "native-mesh-interop" §1; ARCHITECTURE §4-§5).
 *
 * Start order and why:
 *  1. NimBLE host up and synced (dcm_nimble_host.c): ESP-BLE-MESH does not start the host itself, the application
 *     does (ESP-IDF examples/bluetooth/esp_ble_mesh/common_components/example_init/ble_mesh_example_init.c
 *     bluetooth_init).
 *  2. GATT service 0xDC01 queued (dcm_gatt_bridge.c) before esp_ble_mesh_init, on the universal node only
 *     (dcm_composition_serves_gatt_bridge: the relay and provisioner images have no DC01, no GAP listener and no
 *     "DC-Monitor" advert, so nobody can write DC03 on them). With CONFIG_BLE_MESH_USE_BLE_50 off, the mesh's bt_mesh_gatt_init (core/nimble_host/adapter.c) adds its own services and calls ble_gatts_start(),
 *     which registers every service queued since the last start; once the mesh advertises and scans, NimBLE
 *     refuses new services (ble_gatts.c ble_gatts_add_svcs / ble_gatts_mutable: BLE_HS_EBUSY).
 *  3. Callbacks registered, then esp_ble_mesh_init (all ESP-BLE-MESH examples register first).
 *  4. After init: the vendor client's operations routed to the client handler (esp_ble_mesh_client_model_init), the
 *     preferred ATT MTU raised again (bt_mesh_gatt_init sets it to 23), the GAP listener and the "DC-Monitor"
 *     advert through the mesh's advertising queue.
 *  5. A node restored from flash (CONFIG_BLE_MESH_SETTINGS) is already provisioned: the stack's state is checked
 *     with esp_ble_mesh_node_is_provisioned rather than waiting for a completion event; otherwise provisioning is
 *     enabled over both bearers (NODE_PROV_BEARERS). The provisioner image enables its role later
 *     (dcm_mesh_enable_provisioner), over PB-ADV only.
 */
#include <string.h>

#include "esp_ble_mesh_common_api.h"
#include "esp_ble_mesh_defs.h"
#include "esp_ble_mesh_networking_api.h"
#include "esp_ble_mesh_provisioning_api.h"
#include "host/ble_hs.h"

#include "sdkconfig.h"

#include "dcm_composition.h"
#include "dcm_glue.h"
#include "dcm_platform.h"

/* The bearers an unprovisioned node offers (esp_ble_mesh_defs.h esp_ble_mesh_prov_bearer_t): PB-ADV (Mesh Profile 1.0.1
 * §5.2.1) for the Provisioner image and other mesh provisioners, and PB-GATT (§5.2.2: the Mesh Provisioning Service
 * 0x1827, §7.1) for phones such as nRF Mesh, which cannot use the advertising bearer. A PB-GATT link is a BLE
 * connection: one of the two CONFIG_BT_NIMBLE_MAX_CONNECTIONS, next to the Pi's. Without CONFIG_BLE_MESH_PB_GATT the
 * stack has no PB-GATT bearer and phones could not provision the node, so the build insists on the option. */
#ifndef CONFIG_BLE_MESH_PB_GATT
#error "the node offers PB-GATT: set CONFIG_BLE_MESH_PB_GATT=y (native/firmware/sdkconfig.dcmonitor.esp32c6)"
#endif
#define NODE_PROV_BEARERS ((esp_ble_mesh_prov_bearer_t)(ESP_BLE_MESH_PROV_ADV | ESP_BLE_MESH_PROV_GATT))

static uint8_t event_storage[DCM_EVENT_RING_BYTES];
static bool start_attempted;

/* The Static OOB bit of the capabilities' OOB Type (Mesh Profile 1.0.1 §5.4.1.2, Table 5.19; ESP-IDF prov_common.h
 * PROV_STATIC_OOB_AVAILABLE is its bit number 0). prov_node.c prov_invite sends esp_ble_mesh_prov_t.oob_type as it is, so the
 * bit is set next to static_val; ESP-IDF's provisioner then always chooses static OOB (prov_pvnr.c prov_capabilities). */
#define STATIC_OOB_AVAILABLE 0x01u

/* The node's static OOB secret (dcm_mesh_set_static_oob): static_val points here; static_val_len 0 means No OOB. */
static uint8_t static_oob[16];

/* A provisioning link of this node is open and has not completed: its close is a failed provisioning (the node's
 * ESP_BLE_MESH_NODE_PROV_LINK_CLOSE_EVT carries no reason in every v5.x, so completion is tracked here). */
static bool node_link_open;
static bool node_link_completed;

/* Provisioning parameters: No OOB on the node side until dcm_mesh_set_static_oob gives a secret (issue 17; docs/security.md),
 * the provisioner's own address 0x0001 and first node address 0x0005 (seed §1.3, §6). */
static esp_ble_mesh_prov_t provisioning = {
    .uuid = dcm_glue.uuid,
    .oob_type = 0x00,
    .static_val = static_oob,
    .static_val_len = 0,
    .output_size = 0,
    .input_size = 0,
    .prov_uuid = dcm_glue.uuid,
    .prov_unicast_addr = DCM_PROVISIONER_ADDRESS,
    .prov_start_address = DCM_FIRST_NODE_ADDRESS,
    .prov_attention = 0x00,
    .prov_algorithm = 0x00,
    .prov_pub_key_oob = 0x00,
    .flags = 0x00,
    .iv_index = 0x00,
};

static void prov_callback(esp_ble_mesh_prov_cb_event_t event, esp_ble_mesh_prov_cb_param_t *param)
{
    switch (event)
    {
    case ESP_BLE_MESH_NODE_PROV_LINK_OPEN_EVT:
        node_link_open = true;
        node_link_completed = false;
        break;
    case ESP_BLE_MESH_NODE_PROV_LINK_CLOSE_EVT:
        /* A link closed before ESP_BLE_MESH_NODE_PROV_COMPLETE_EVT: e.g. this device answered the provisioner's Random with
         * Provisioning Failed, Confirmation Failed (prov_node.c prov_random), as a static OOB secret that differs makes it. */
        if (node_link_open && !node_link_completed)
        {
            dcm_glue_queue_event(DCM_EVENT_PROVISIONING_FAILED, 0, 0, 0, 0, 0, NULL, 0);
        }
        node_link_open = false;
        break;
    case ESP_BLE_MESH_NODE_PROV_COMPLETE_EVT:
        node_link_completed = true;
        dcm_directed_node_provisioned(param->node_prov_complete.net_idx); /* no directed forwarding before the node's paths */
        dcm_glue_queue_event(DCM_EVENT_PROVISIONED, param->node_prov_complete.addr, 0, 0, 0, 0, NULL, 0);
        break;
    case ESP_BLE_MESH_NODE_PROV_RESET_EVT:
        /* Raised by a Config Node Reset from the provisioner and by esp_ble_mesh_node_local_reset (core/main.c
         * bt_mesh_node_reset -> prov_node.c bt_mesh_prov_reset). The device advertises as unprovisioned again. */
        dcm_glue_queue_event(DCM_EVENT_NODE_RESET, 0, 0, 0, 0, 0, NULL, 0);
        esp_ble_mesh_node_prov_enable(NODE_PROV_BEARERS);
        break;
    default:
        dcm_provisioner_prov_callback(event, param);
        break;
    }
}

dcm_result_t dcm_mesh_start(uint32_t models, bool relay_enabled, int32_t default_ttl, const uint8_t *device_uuid, size_t uuid_length)
{
    if ((models & DCM_MODEL_CONFIG_SERVER) == 0u || (models & ~DCM_MODEL_ALL) != 0u || !dcm_composition_default_ttl_valid(default_ttl)
        || device_uuid == NULL || uuid_length != sizeof dcm_glue.uuid)
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

    if (start_attempted)
    {
        return DCM_RESULT_INVALID_STATE; /* one start per boot: the BLE host and the mesh stack cannot be started twice */
    }
    start_attempted = true;

    dcm_glue.models = models;
    dcm_glue.relay_enabled = relay_enabled;
    dcm_glue.default_ttl = (uint8_t)default_ttl;
    memcpy(dcm_glue.uuid, device_uuid, sizeof dcm_glue.uuid);
    dcm_event_queue_init(&dcm_glue.events, event_storage, sizeof event_storage);
    dcm_event_queue_set_reserve(&dcm_glue.events, DCM_EVENT_RESERVE_BYTES); /* header-only records: refused DC03 commands, ProvisionerReady */
    dcm_requests_init(&dcm_glue.requests);
    dcm_reply_table_init(&dcm_glue.replies);
    dcm_glue.gatt_connection = 0xFFFFu;

    /* The host first: a sync that never comes leaves nothing allocated, so this start may be tried again. */
    switch (dcm_nimble_host_start())
    {
    case DCM_HOST_SYNCED:
        break;
    case DCM_HOST_NOT_SYNCED:
        start_attempted = false;
        return DCM_RESULT_HOST_NOT_SYNCED;
    default:
        return DCM_RESULT_FAILED;
    }

    esp_ble_mesh_comp_t *composition = dcm_composition_build(models, relay_enabled, (uint8_t)default_ttl);
    if (composition == NULL)
    {
        return DCM_RESULT_NO_MEMORY;
    }

    bool gatt_bridge = dcm_composition_serves_gatt_bridge(models) != 0;
    if (gatt_bridge && dcm_gatt_queue_service() != 0)
    {
        return DCM_RESULT_FAILED;
    }

    /* Seed §1.4: bytes 2-7 of the UUID are the Bluetooth address. Managed code cannot read it and leaves them zero;
     * they are filled from the host's public identity address, as ESP-IDF's example helper ble_mesh_get_dev_uuid does. */
    bool address_missing = true;
    for (size_t i = 2; i < 8; i++)
    {
        address_missing = address_missing && dcm_glue.uuid[i] == 0u;
    }
    if (address_missing && ble_hs_id_copy_addr(BLE_ADDR_PUBLIC, dcm_glue.uuid + 2, NULL) != 0)
    {
        return DCM_RESULT_FAILED;
    }

    esp_err_t error = esp_ble_mesh_register_prov_callback(prov_callback);
    if (error == ESP_OK)
    {
        error = dcm_models_register_callbacks();
    }
    if (error == ESP_OK)
    {
        error = dcm_provisioner_register_callbacks();
    }
    if (error == ESP_OK)
    {
        error = dcm_directed_register_callbacks();
    }
    if (error == ESP_OK)
    {
        error = esp_ble_mesh_init(&provisioning, composition);
    }
    if (error == ESP_OK)
    {
        error = dcm_models_after_init();
    }
    if (error != ESP_OK)
    {
        return DCM_RESULT_FAILED;
    }

    if (gatt_bridge && dcm_gatt_after_mesh_init() != 0)
    {
        return DCM_RESULT_FAILED;
    }

    if ((models & DCM_MODEL_CONFIG_CLIENT) == 0u && !esp_ble_mesh_node_is_provisioned())
    {
        error = esp_ble_mesh_node_prov_enable(NODE_PROV_BEARERS);
        if (error != ESP_OK)
        {
            return DCM_RESULT_FAILED;
        }
    }

    dcm_glue.started = true;
    return DCM_RESULT_OK;
}

dcm_result_t dcm_mesh_set_static_oob(const uint8_t *value, size_t length)
{
    if (length > sizeof static_oob || (value == NULL && length > 0u))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

    /* The stack keeps the pointer to `provisioning` and reads these fields at each Invite (prov_node.c prov_invite, prov_auth):
     * the length goes to 0 first, so a link starting meanwhile sees No OOB rather than a half-written secret. */
    provisioning.static_val_len = 0u;
    provisioning.oob_type = 0u;
    memset(static_oob, 0, sizeof static_oob);
    if (length > 0u)
    {
        memcpy(static_oob, value, length);
        provisioning.static_val_len = (uint8_t)length;
        provisioning.oob_type = STATIC_OOB_AVAILABLE;
    }
    return DCM_RESULT_OK;
}

#ifdef DCM_HOST_TESTS
/* Host tests only: forget the start, so each test boots a fresh component in one test process. */
void dcm_mesh_forget_start_for_tests(void)
{
    (void)dcm_mesh_set_static_oob(NULL, 0u);
    node_link_open = false;
    node_link_completed = false;
    start_attempted = false;
    dcm_nimble_host_forget_for_tests();
    memset(&dcm_glue, 0, sizeof dcm_glue);
}
#endif

dcm_result_t dcm_mesh_reset_node(void)
{
    if (!dcm_glue.started || !esp_ble_mesh_node_is_provisioned())
    {
        return DCM_RESULT_INVALID_STATE;
    }
    return dcm_glue_result_of(esp_ble_mesh_node_local_reset());
}
