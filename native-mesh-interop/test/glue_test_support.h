// Helpers of the glue tests: a fresh boot per test, the component started with an image's models, and the event
// records drained and decoded in the managed MeshEvent layout.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "fake_idf.h"
#include "fake_platform.h"

extern "C" {
#include "dcm_composition.h"
#include "dcm_event_queue.h"
#include "dcm_mesh.h"
}

struct Event
{
    uint8_t kind = 0;
    uint16_t source = 0;
    uint16_t destination = 0;
    uint32_t opcode = 0;
    uint16_t handle = 0;
    int16_t value = 0;
    std::vector<uint8_t> payload;
};

constexpr uint32_t kUniversal = DCM_MODEL_CONFIG_SERVER | DCM_MODEL_DF_SERVER | DCM_MODEL_GENERIC_ONOFF_CLIENT | DCM_MODEL_GENERIC_ONOFF_SERVER | DCM_MODEL_VENDOR_SERVER |
                                DCM_MODEL_VENDOR_CLIENT;
constexpr uint32_t kRelay = DCM_MODEL_CONFIG_SERVER | DCM_MODEL_DF_SERVER;
constexpr uint32_t kProvisioner = DCM_MODEL_CONFIG_SERVER | DCM_MODEL_CONFIG_CLIENT | DCM_MODEL_DF_CLIENT | DCM_MODEL_GENERIC_ONOFF_CLIENT;

inline std::vector<Event> TakeEvents()
{
    std::vector<Event> events;
    uint8_t record[DCM_EVENT_HEADER_LENGTH + DCM_EVENT_MAX_PAYLOAD];
    size_t length;
    while ((length = dcm_mesh_take_event(record, sizeof record)) > 0)
    {
        Event event;
        event.kind = record[0];
        event.source = static_cast<uint16_t>(record[1] | (record[2] << 8));
        event.destination = static_cast<uint16_t>(record[3] | (record[4] << 8));
        event.opcode = static_cast<uint32_t>(record[5] | (record[6] << 8) | (record[7] << 16) | (static_cast<uint32_t>(record[8]) << 24));
        event.handle = static_cast<uint16_t>(record[9] | (record[10] << 8));
        event.value = static_cast<int16_t>(record[11] | (record[12] << 8));
        uint16_t payload = static_cast<uint16_t>(record[13] | (record[14] << 8));
        event.payload.assign(record + DCM_EVENT_HEADER_LENGTH, record + DCM_EVENT_HEADER_LENGTH + payload);
        events.push_back(event);
    }
    return events;
}

inline const uint8_t *Uuid()
{
    static const uint8_t uuid[16] = {0xDD, 0xDD, 1, 2, 3, 4, 5, 6};
    return uuid;
}

// A started component for `models`; provisioned at `address` when not 0 (as restored from flash), with every
// AppKey-using model bound to AppKey 0 when `bound`.
class Glue : public ::testing::Test
{
protected:
    void SetUp() override { ResetFakeIdf(); }

    void Start(uint32_t models, uint16_t address = 0x0005, bool bound = true)
    {
        g_idf.provisioned = address != 0 && (models & DCM_MODEL_CONFIG_CLIENT) == 0; // a provisioner is no provisioned node
        g_idf.primary_address = address;
        ASSERT_EQ(DCM_RESULT_OK, dcm_mesh_start(models, (models & DCM_MODEL_CONFIG_CLIENT) == 0, 7, Uuid(), 16));
        if (bound)
        {
            BindAll();
        }
        TakeEvents();
    }

    // What Config Model App Bind leaves in the stack's model: AppKey 0 in the first key slot.
    void BindAll()
    {
        esp_ble_mesh_elem_t *element = g_idf.comp->elements;
        for (int i = 0; i < element->sig_model_count; i++)
        {
            if (element->sig_models[i].model_id != 0x0000 && element->sig_models[i].model_id != 0x0001)
            {
                element->sig_models[i].keys[0] = 0;
            }
        }
        for (int i = 0; i < element->vnd_model_count; i++)
        {
            element->vnd_models[i].keys[0] = 0;
        }
    }

    // Hands the vendor server a binary SEND (opcode 0xC202E5) in `context` as the stack's model callback does, and returns
    // the request handle of the one event it queues (0 when it queued another number of events).
    int32_t DeliverBinarySend(esp_ble_mesh_msg_ctx_t *context, const uint8_t *command, uint16_t length)
    {
        esp_ble_mesh_model_cb_param_t param{};
        param.model_operation = {0xC202E5u, Vendor(DCM_VENDOR_SERVER_MODEL), context, length, const_cast<uint8_t *>(command)};
        g_idf.model_cb(ESP_BLE_MESH_MODEL_OPERATION_EVT, &param);
        std::vector<Event> events = TakeEvents();
        return events.size() == 1u ? events[0].handle : 0;
    }

    esp_ble_mesh_model_t *Vendor(uint16_t model_id)
    {
        esp_ble_mesh_elem_t *element = g_idf.comp->elements;
        for (int i = 0; i < element->vnd_model_count; i++)
        {
            if (element->vnd_models[i].vnd.model_id == model_id)
            {
                return &element->vnd_models[i];
            }
        }
        return nullptr;
    }

    esp_ble_mesh_model_t *Sig(uint16_t model_id)
    {
        esp_ble_mesh_elem_t *element = g_idf.comp->elements;
        for (int i = 0; i < element->sig_model_count; i++)
        {
            if (element->sig_models[i].model_id == model_id)
            {
                return &element->sig_models[i];
            }
        }
        return nullptr;
    }
};
