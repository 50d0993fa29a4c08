/* Shared helpers of the glue, the state blob and event draining: see dcm_glue.h and dcm_mesh.h. */
#include <string.h>

#include "esp_ble_mesh_defs.h"
#include "esp_ble_mesh_local_data_operation_api.h"
#include "esp_ble_mesh_provisioning_api.h"

#include "dcm_composition.h"
#include "dcm_glue.h"
#include "dcm_platform.h"

dcm_glue_t dcm_glue;

/* How a record may use the ring. */
typedef enum
{
    QUEUE_ORDINARY, /* outside the reserve, a drop counted as lost */
    QUEUE_OFFERED,  /* outside the reserve, the caller answers for a drop */
    QUEUE_RESERVED  /* header-only, may use the reserve, the caller answers for a drop */
} queue_mode_t;

static bool queue_record(queue_mode_t mode, uint8_t kind, uint16_t source, uint16_t destination, uint32_t opcode, uint16_t handle,
                         int32_t value, const uint8_t *payload, size_t length)
{
    uint8_t record[DCM_EVENT_HEADER_LENGTH + DCM_EVENT_MAX_PAYLOAD];
    if (length > DCM_EVENT_MAX_PAYLOAD)
    {
        length = DCM_EVENT_MAX_PAYLOAD;
    }

    int16_t saturated = value > INT16_MAX ? INT16_MAX : value < INT16_MIN ? INT16_MIN : (int16_t)value;
    size_t record_length = dcm_event_encode(kind, source, destination, opcode, handle, saturated, payload, (uint16_t)length, record);
    bool queued = mode == QUEUE_ORDINARY
                      ? dcm_event_queue_push(&dcm_glue.events, record, record_length) /* a full queue counts the loss and reports it */
                      : dcm_event_queue_offer(&dcm_glue.events, record, record_length, mode == QUEUE_RESERVED);
    dcm_platform_signal_managed(); /* also when full: managed code drains what is there */
    return queued;
}

bool dcm_glue_queue_event(uint8_t kind, uint16_t source, uint16_t destination, uint32_t opcode, uint16_t handle, int32_t value,
                          const uint8_t *payload, size_t length)
{
    return queue_record(QUEUE_ORDINARY, kind, source, destination, opcode, handle, value, payload, length);
}

bool dcm_glue_offer_event(uint8_t kind, uint16_t source, uint16_t destination, uint32_t opcode, uint16_t handle, int32_t value,
                          const uint8_t *payload, size_t length, bool use_reserve)
{
    return queue_record(use_reserve ? QUEUE_RESERVED : QUEUE_OFFERED, kind, source, destination, opcode, handle, value, payload, length);
}

bool dcm_glue_queue_essential_event(uint8_t kind, uint16_t source, uint16_t destination, uint32_t opcode, uint16_t handle, int32_t value)
{
    /* The reserve first; when even it is full, an ordinary push fails too and counts the loss (reported as EventsLost). */
    return queue_record(QUEUE_RESERVED, kind, source, destination, opcode, handle, value, NULL, 0)
           || queue_record(QUEUE_ORDINARY, kind, source, destination, opcode, handle, value, NULL, 0);
}

dcm_result_t dcm_glue_result_of(esp_err_t error)
{
    switch (error)
    {
    case ESP_OK: return DCM_RESULT_OK;
    case ESP_ERR_INVALID_ARG: return DCM_RESULT_INVALID_ARGUMENT;
    case ESP_ERR_INVALID_STATE: return DCM_RESULT_INVALID_STATE;
    case ESP_ERR_NO_MEM: return DCM_RESULT_NO_MEMORY;
    default: return DCM_RESULT_FAILED;
    }
}

uint16_t dcm_glue_next_request_id(void)
{
    dcm_platform_enter_critical();
    dcm_glue.next_request_id++;
    if (dcm_glue.next_request_id == 0u)
    {
        dcm_glue.next_request_id = 1u;
    }
    uint16_t id = dcm_glue.next_request_id;
    dcm_platform_exit_critical();
    return id;
}

void dcm_glue_context(esp_ble_mesh_msg_ctx_t *context, uint16_t destination, uint16_t app_index, uint8_t ttl)
{
    memset(context, 0, sizeof *context);
    context->net_idx = ESP_BLE_MESH_KEY_PRIMARY;
    context->app_idx = app_index;
    context->addr = destination;
    context->send_ttl = ttl;
}

bool dcm_glue_bound_app_key(const esp_ble_mesh_model_t *model, uint16_t *app_index)
{
    for (size_t i = 0; i < CONFIG_BLE_MESH_MODEL_KEY_COUNT; i++)
    {
        if (model->keys[i] != ESP_BLE_MESH_KEY_UNUSED)
        {
            *app_index = model->keys[i];
            return true;
        }
    }
    return false;
}

size_t dcm_mesh_read_state(uint8_t *blob, size_t capacity)
{
    if (!dcm_glue.started || blob == NULL || capacity < DCM_STATE_BLOB_LENGTH)
    {
        return 0;
    }

    bool ready;
    dcm_platform_enter_critical();
    ready = dcm_glue.provisioner_ready;
    dcm_platform_exit_critical();
    bool provisioned = esp_ble_mesh_node_is_provisioned() || ready;
    uint16_t unicast = provisioned ? esp_ble_mesh_get_primary_element_address() : 0u;
    uint16_t app_index = 0xFFFFu;
    uint8_t bound = 0;
    for (uint32_t flag = 1u; flag <= DCM_MODEL_ALL; flag <<= 1)
    {
        esp_ble_mesh_model_t *model = dcm_glue_model(flag);
        uint16_t index;
        if (model != NULL && dcm_glue_bound_app_key(model, &index))
        {
            bound |= (uint8_t)flag;
            app_index = index;
        }
    }

    if (provisioned)
    {
        /* Configuration models use the device key, never an AppKey: usable as soon as the node is provisioned. */
        bound |= (uint8_t)(dcm_glue.models & (DCM_MODEL_CONFIG_SERVER | DCM_MODEL_CONFIG_CLIENT));
    }

    bool subscribed = false;
    esp_ble_mesh_model_t *vendor_server = dcm_glue_model(DCM_MODEL_VENDOR_SERVER);
    for (size_t i = 0; vendor_server != NULL && i < CONFIG_BLE_MESH_MODEL_GROUP_COUNT; i++)
    {
        subscribed = subscribed || vendor_server->groups[i] == 0xC000u;
    }

    const esp_ble_mesh_cfg_srv_t *config_server = dcm_composition_config_server();
    blob[0] = provisioned ? 1u : 0u;
    blob[1] = (uint8_t)unicast;
    blob[2] = (uint8_t)(unicast >> 8);
    blob[3] = 0; /* NetKey index: the primary NetKey is the only one (seed §6) */
    blob[4] = 0;
    blob[5] = (uint8_t)app_index;
    blob[6] = (uint8_t)(app_index >> 8);
    blob[7] = bound;
    blob[8] = subscribed ? 1u : 0u;
    blob[9] = config_server->default_ttl;
    blob[10] = config_server->relay == ESP_BLE_MESH_RELAY_ENABLED ? 1u : 0u;
    memcpy(&blob[11], &dcm_glue.uuid[2], 6); /* the UUID's Bluetooth-address bytes (filled at start when missing) */
    return DCM_STATE_BLOB_LENGTH;
}

size_t dcm_mesh_take_event(uint8_t *record, size_t capacity)
{
    if (!dcm_glue.started || record == NULL)
    {
        return 0;
    }
    return dcm_event_queue_pop(&dcm_glue.events, record, capacity);
}
