/*
 * Element 0 as ESP-BLE-MESH's esp_ble_mesh_comp_t, built at start from dcm_composition_plan (core) for the C# image's
 * model set. esp_ble_mesh_elem_t and esp_ble_mesh_model_t have const members (counts, model ids, the publication
 * pointer), so they cannot be assigned at run time: each model is copied from a fully initialised template into
 * storage allocated once here, at start, on the CLR thread (never in a radio callback, never freed: the stack keeps
 * pointers to it for the life of the boot).
 *
 * Config Server settings (seed §1.6 except network transmit): Default TTL from the image (7), secure beacon on, GATT proxy
 * on, friend not supported; every device: network transmit 3 transmissions 20 ms apart (the seed's nodes sent 4); nodes and
 * relays: relay on, relay retransmit 5 transmissions 20 ms apart (the provisioner's Config Relay Set then sets what relay
 * selection chose); the provisioner (Config Client present): relay off. Nodes and relays carry the Directed Forwarding
 * Configuration Server, the provisioner its client (docs/directed-forwarding.md); a build without CONFIG_BLE_MESH_DF_SRV /
 * CONFIG_BLE_MESH_DF_CLI has no template for them and refuses such a composition.
 */
#include <stdlib.h>
#include <string.h>

#include "esp_ble_mesh_config_model_api.h"
#include "esp_ble_mesh_defs.h"
#include "esp_ble_mesh_generic_model_api.h"
#include "sdkconfig.h"
#if defined(CONFIG_BLE_MESH_DF_SRV) || defined(CONFIG_BLE_MESH_DF_CLI)
#include "esp_ble_mesh_df_model_api.h"
#endif

#include "dcm_composition.h"
#include "dcm_event_queue.h"
#include "dcm_glue.h"

static esp_ble_mesh_cfg_srv_t config_server;
static esp_ble_mesh_client_t config_client;
static esp_ble_mesh_client_t onoff_client;
static esp_ble_mesh_gen_onoff_srv_t onoff_server = {
    .rsp_ctrl = {.get_auto_rsp = ESP_BLE_MESH_SERVER_RSP_BY_APP, .set_auto_rsp = ESP_BLE_MESH_SERVER_RSP_BY_APP},
};

/* The vendor server publishes up to a full event payload: 3-byte opcode + payload + 4-byte TransMIC. */
ESP_BLE_MESH_MODEL_PUB_DEFINE(vendor_server_publication, 3 + DCM_EVENT_MAX_PAYLOAD + 4, ROLE_NODE);

static esp_ble_mesh_model_op_t vendor_server_operations[] = {
    ESP_BLE_MESH_MODEL_OP(DCM_OPCODE_VENDOR_SEND_TEXT, 0),
    ESP_BLE_MESH_MODEL_OP(DCM_OPCODE_VENDOR_SEND_BINARY, 2),
    ESP_BLE_MESH_MODEL_OP(DCM_OPCODE_VENDOR_UPLINK_COMMAND, DCM_VENDOR_UPLINK_COMMAND_LENGTH),
    ESP_BLE_MESH_MODEL_OP_END,
};

static esp_ble_mesh_model_op_t vendor_client_operations[] = {
    ESP_BLE_MESH_MODEL_OP(DCM_OPCODE_VENDOR_STATUS_TEXT, 0),
    ESP_BLE_MESH_MODEL_OP(DCM_OPCODE_VENDOR_STATUS_BINARY, 8),
    /* MQTT uplink reports, published to a group: they match no request and arrive as client publications. */
    ESP_BLE_MESH_MODEL_OP(DCM_OPCODE_VENDOR_READING_REPORT, DCM_VENDOR_READING_REPORT_LENGTH),
    ESP_BLE_MESH_MODEL_OP(DCM_OPCODE_VENDOR_ENERGY_REPORT, DCM_VENDOR_ENERGY_REPORT_LENGTH),
    ESP_BLE_MESH_MODEL_OP(DCM_OPCODE_VENDOR_NODE_IDENTITY, DCM_VENDOR_NODE_IDENTITY_LENGTH),
    ESP_BLE_MESH_MODEL_OP(DCM_OPCODE_VENDOR_BRIDGE_HEARTBEAT, DCM_VENDOR_BRIDGE_HEARTBEAT_LENGTH),
    ESP_BLE_MESH_MODEL_OP_END,
};

/* Request -> status pairs the stack needs for acknowledged vendor sends (unicast + need_rsp). */
static const esp_ble_mesh_client_op_pair_t vendor_operation_pairs[] = {
    {DCM_OPCODE_VENDOR_SEND_TEXT, DCM_OPCODE_VENDOR_STATUS_TEXT},
    {DCM_OPCODE_VENDOR_SEND_BINARY, DCM_OPCODE_VENDOR_STATUS_BINARY},
};

static esp_ble_mesh_client_t vendor_client = {
    .op_pair_size = sizeof vendor_operation_pairs / sizeof vendor_operation_pairs[0],
    .op_pair = vendor_operation_pairs,
};

#if defined(CONFIG_BLE_MESH_DF_SRV)
/* Directed Forwarding Configuration Server states (docs/directed-forwarding.md): each directed PDU a node originates goes twice
 * (count 1) and each one a path relay forwards three times (count 2), as ESP-IDF's directed forwarding example
 * (df_server/main/main.c) counts them, 20 ms apart like the node's other transmissions (NativeContract.CompositionDirected*);
 * the example's path counts and discovery timings, unused with fixed paths (no discovery runs while every node holds its path). */
static esp_ble_mesh_df_srv_t df_server = {
    .directed_net_transmit = ESP_BLE_MESH_TRANSMIT(1, 20),
    .directed_relay_retransmit = ESP_BLE_MESH_TRANSMIT(2, 20),
    .directed_node_paths = 20,
    .directed_relay_paths = 20,
    .directed_proxy_paths = 20,
    .directed_friend_paths = 20,
    .path_monitor_interval = 120,
    .path_disc_retry_interval = 300,
    .path_disc_interval = ESP_BLE_MESH_PATH_DISC_INTERVAL_30_SEC,
    .lane_disc_guard_interval = ESP_BLE_MESH_LANE_DISC_GUARD_INTERVAL_10_SEC,
};
#endif
#if defined(CONFIG_BLE_MESH_DF_CLI)
static esp_ble_mesh_client_t df_client;
#endif

static const esp_ble_mesh_model_t sig_templates[] = {
    ESP_BLE_MESH_MODEL_CFG_SRV(&config_server),
    ESP_BLE_MESH_MODEL_CFG_CLI(&config_client),
#if defined(CONFIG_BLE_MESH_DF_SRV)
    ESP_BLE_MESH_MODEL_DF_SRV(&df_server),
#endif
#if defined(CONFIG_BLE_MESH_DF_CLI)
    ESP_BLE_MESH_MODEL_DF_CLI(&df_client),
#endif
    ESP_BLE_MESH_MODEL_GEN_ONOFF_CLI(NULL, &onoff_client),
    ESP_BLE_MESH_MODEL_GEN_ONOFF_SRV(NULL, &onoff_server),
};

static const esp_ble_mesh_model_t vendor_templates[] = {
    ESP_BLE_MESH_VENDOR_MODEL(DCM_COMPANY_ID_ESPRESSIF, DCM_VENDOR_SERVER_MODEL, vendor_server_operations, &vendor_server_publication, NULL),
    ESP_BLE_MESH_VENDOR_MODEL(DCM_COMPANY_ID_ESPRESSIF, DCM_VENDOR_CLIENT_MODEL, vendor_client_operations, NULL, &vendor_client),
};

static esp_ble_mesh_comp_t composition;
static esp_ble_mesh_model_t *sig_models;
static esp_ble_mesh_model_t *vendor_models;
static size_t sig_count;
static size_t vendor_count;

static const esp_ble_mesh_model_t *template_for(const dcm_model_id_t *id)
{
    if (id->company_id == DCM_COMPANY_ID_NONE)
    {
        for (size_t i = 0; i < sizeof sig_templates / sizeof sig_templates[0]; i++)
        {
            if (sig_templates[i].model_id == id->model_id)
            {
                return &sig_templates[i];
            }
        }
        return NULL;
    }

    for (size_t i = 0; i < sizeof vendor_templates / sizeof vendor_templates[0]; i++)
    {
        if (vendor_templates[i].vnd.company_id == id->company_id && vendor_templates[i].vnd.model_id == id->model_id)
        {
            return &vendor_templates[i];
        }
    }
    return NULL;
}

static uint32_t flag_of(const esp_ble_mesh_model_t *model, bool vendor)
{
    if (vendor)
    {
        return model->vnd.model_id == DCM_VENDOR_SERVER_MODEL ? DCM_MODEL_VENDOR_SERVER : DCM_MODEL_VENDOR_CLIENT;
    }

    switch (model->model_id)
    {
    case DCM_SIG_CONFIG_SERVER: return DCM_MODEL_CONFIG_SERVER;
    case DCM_SIG_CONFIG_CLIENT: return DCM_MODEL_CONFIG_CLIENT;
    case DCM_SIG_DF_SERVER: return DCM_MODEL_DF_SERVER;
    case DCM_SIG_DF_CLIENT: return DCM_MODEL_DF_CLIENT;
    case DCM_SIG_GENERIC_ONOFF_CLIENT: return DCM_MODEL_GENERIC_ONOFF_CLIENT;
    default: return DCM_MODEL_GENERIC_ONOFF_SERVER;
    }
}

esp_ble_mesh_model_t *dcm_glue_model(uint32_t model_flag)
{
    for (size_t i = 0; i < sig_count; i++)
    {
        if (flag_of(&sig_models[i], false) == model_flag)
        {
            return &sig_models[i];
        }
    }

    for (size_t i = 0; i < vendor_count; i++)
    {
        if (flag_of(&vendor_models[i], true) == model_flag)
        {
            return &vendor_models[i];
        }
    }
    return NULL;
}

const esp_ble_mesh_cfg_srv_t *dcm_composition_config_server(void)
{
    return &config_server;
}

esp_ble_mesh_comp_t *dcm_composition_build(uint32_t models, bool relay_enabled, uint8_t default_ttl)
{
    dcm_model_id_t plan[DCM_COMPOSITION_MAX_MODELS];
    size_t count = dcm_composition_plan(models, plan, DCM_COMPOSITION_MAX_MODELS);
    if (count == 0u)
    {
        return NULL;
    }

    config_server.relay = relay_enabled ? ESP_BLE_MESH_RELAY_ENABLED : ESP_BLE_MESH_RELAY_DISABLED;
    /* Relay retransmit 4 (5 transmissions) until the provisioner's relay selection sends Config Relay Set (2 transmissions);
     * network transmit 2 (3 transmissions, 20 ms) for every node: one fewer than the seed's nodes on each ALL:READ answer, and
     * the gateway re-asks the rare lost one (docs/airtime-benchmark.md). */
    config_server.relay_retransmit = ESP_BLE_MESH_TRANSMIT(4, 20);
    config_server.net_transmit = ESP_BLE_MESH_TRANSMIT(2, 20);
    config_server.beacon = ESP_BLE_MESH_BEACON_ENABLED;
    config_server.gatt_proxy = ESP_BLE_MESH_GATT_PROXY_ENABLED;
    config_server.friend_state = ESP_BLE_MESH_FRIEND_NOT_SUPPORTED;
    config_server.default_ttl = default_ttl;

    size_t sig_planned = 0;
    for (size_t i = 0; i < count; i++)
    {
        if (plan[i].company_id == DCM_COMPANY_ID_NONE)
        {
            sig_planned++;
        }
    }

    /* One allocation for the models and the element, made once per boot. */
    size_t models_bytes = count * sizeof(esp_ble_mesh_model_t);
    uint8_t *storage = malloc(models_bytes + sizeof(esp_ble_mesh_elem_t));
    if (storage == NULL)
    {
        return NULL;
    }

    sig_models = (esp_ble_mesh_model_t *)storage;
    vendor_models = sig_models + sig_planned;
    sig_count = sig_planned;
    vendor_count = count - sig_planned;
    for (size_t i = 0; i < count; i++)
    {
        const esp_ble_mesh_model_t *template_model = template_for(&plan[i]);
        if (template_model == NULL)
        {
            free(storage);
            sig_count = vendor_count = 0;
            return NULL;
        }
        memcpy(&sig_models[i], template_model, sizeof(esp_ble_mesh_model_t));
    }

    const esp_ble_mesh_elem_t element = {
        .location = 0x0000,
        .sig_model_count = (uint8_t)sig_count,
        .vnd_model_count = (uint8_t)vendor_count,
        .sig_models = sig_count > 0u ? sig_models : NULL,
        .vnd_models = vendor_count > 0u ? vendor_models : NULL,
    };
    esp_ble_mesh_elem_t *element_storage = (esp_ble_mesh_elem_t *)(storage + models_bytes);
    memcpy(element_storage, &element, sizeof element);

    composition.cid = DCM_COMPANY_ID_ESPRESSIF;
    composition.pid = 0x0000;
    composition.vid = 0x0000;
    composition.element_count = 1;
    composition.elements = element_storage;
    return &composition;
}
