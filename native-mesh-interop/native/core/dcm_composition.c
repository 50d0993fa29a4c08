/* Element 0 of the three images and the access-layer opcode format: see dcm_composition.h. */
#include "dcm_composition.h"

typedef struct
{
    uint32_t flag;
    dcm_model_id_t id;
} model_entry_t;

/* The build order: SIG models, then vendor models. */
static const model_entry_t kModels[DCM_COMPOSITION_MAX_MODELS] = {
    {DCM_MODEL_CONFIG_SERVER, {DCM_COMPANY_ID_NONE, DCM_SIG_CONFIG_SERVER}},
    {DCM_MODEL_CONFIG_CLIENT, {DCM_COMPANY_ID_NONE, DCM_SIG_CONFIG_CLIENT}},
    {DCM_MODEL_DF_SERVER, {DCM_COMPANY_ID_NONE, DCM_SIG_DF_SERVER}},
    {DCM_MODEL_DF_CLIENT, {DCM_COMPANY_ID_NONE, DCM_SIG_DF_CLIENT}},
    {DCM_MODEL_GENERIC_ONOFF_CLIENT, {DCM_COMPANY_ID_NONE, DCM_SIG_GENERIC_ONOFF_CLIENT}},
    {DCM_MODEL_GENERIC_ONOFF_SERVER, {DCM_COMPANY_ID_NONE, DCM_SIG_GENERIC_ONOFF_SERVER}},
    {DCM_MODEL_VENDOR_SERVER, {DCM_COMPANY_ID_ESPRESSIF, DCM_VENDOR_SERVER_MODEL}},
    {DCM_MODEL_VENDOR_CLIENT, {DCM_COMPANY_ID_ESPRESSIF, DCM_VENDOR_CLIENT_MODEL}},
};

size_t dcm_composition_plan(uint32_t models, dcm_model_id_t *out, size_t capacity)
{
    if ((models & DCM_MODEL_CONFIG_SERVER) == 0u || (models & ~DCM_MODEL_ALL) != 0u)
    {
        return 0;
    }

    size_t needed = 0;
    for (size_t i = 0; i < DCM_COMPOSITION_MAX_MODELS; i++)
    {
        if ((models & kModels[i].flag) != 0u)
        {
            needed++;
        }
    }

    if (needed > capacity)
    {
        return 0; /* nothing written */
    }

    size_t count = 0;
    for (size_t i = 0; i < DCM_COMPOSITION_MAX_MODELS; i++)
    {
        if ((models & kModels[i].flag) != 0u)
        {
            out[count++] = kModels[i].id;
        }
    }

    return count;
}

int dcm_composition_default_ttl_valid(int32_t ttl)
{
    return ttl == 0 || (ttl >= 2 && ttl <= 127);
}

int dcm_composition_serves_gatt_bridge(uint32_t models)
{
    return (models & DCM_MODEL_VENDOR_CLIENT) != 0u;
}

size_t dcm_opcode_encode(uint32_t opcode, uint8_t *out)
{
    if (opcode <= 0x7Eu)
    {
        out[0] = (uint8_t)opcode;
        return 1;
    }

    if (opcode >= 0x8000u && opcode <= 0xBFFFu)
    {
        out[0] = (uint8_t)(opcode >> 8);
        out[1] = (uint8_t)opcode;
        return 2;
    }

    if (opcode >= 0xC00000u && opcode <= 0xFFFFFFu)
    {
        out[0] = (uint8_t)(opcode >> 16);
        out[1] = (uint8_t)opcode;        /* company id, low byte first */
        out[2] = (uint8_t)(opcode >> 8);
        return 3;
    }

    return 0;
}

size_t dcm_opcode_decode(const uint8_t *payload, size_t length, uint32_t *opcode)
{
    if (length == 0u || payload[0] == 0x7Fu)
    {
        return 0;
    }

    if ((payload[0] & 0x80u) == 0u)
    {
        *opcode = payload[0];
        return 1;
    }

    if ((payload[0] & 0xC0u) == 0x80u)
    {
        if (length < 2u)
        {
            return 0;
        }

        *opcode = ((uint32_t)payload[0] << 8) | payload[1];
        return 2;
    }

    if (length < 3u)
    {
        return 0;
    }

    *opcode = ((uint32_t)payload[0] << 16) | ((uint32_t)payload[2] << 8) | payload[1];
    return 3;
}
