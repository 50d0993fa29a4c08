/* Config Client messages between on-air format and fields: see dcm_config_codec.h. */
#include "dcm_config_codec.h"

#include "dcm_address.h"
#include "dcm_composition.h"

/* Byte copy (the core uses no C library: it builds freestanding). */
static void copy_bytes(uint8_t *to, const uint8_t *from, size_t length)
{
    for (size_t i = 0; i < length; i++)
    {
        to[i] = from[i];
    }
}

static uint16_t read16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static void write16(uint8_t *p, uint16_t value)
{
    p[0] = (uint8_t)value;
    p[1] = (uint8_t)(value >> 8);
}

/* Reads the model identifier taking the rest of a message (2 or 4 bytes); 0 when the length is neither. */
static int read_model(const uint8_t *p, size_t remaining, dcm_config_message_t *out)
{
    if (remaining == 2u)
    {
        out->company_id = DCM_COMPANY_ID_NONE;
        out->model_id = read16(p);
        return 1;
    }

    if (remaining == 4u)
    {
        out->company_id = read16(p);
        out->model_id = read16(p + 2);
        return out->company_id != DCM_COMPANY_ID_NONE;
    }

    return 0;
}

static size_t write_model(const dcm_config_message_t *message, uint8_t *p)
{
    if (message->company_id == DCM_COMPANY_ID_NONE)
    {
        write16(p, message->model_id);
        return 2u;
    }

    write16(p, message->company_id);
    write16(p + 2, message->model_id);
    return 4u;
}

uint32_t dcm_config_status_opcode(uint32_t request_opcode)
{
    switch (request_opcode)
    {
    case DCM_CONFIG_COMPOSITION_DATA_GET: return DCM_CONFIG_COMPOSITION_DATA_STATUS;
    case DCM_CONFIG_APP_KEY_ADD: return DCM_CONFIG_APP_KEY_STATUS;
    case DCM_CONFIG_MODEL_APP_BIND: return DCM_CONFIG_MODEL_APP_STATUS;
    case DCM_CONFIG_MODEL_SUB_ADD: return DCM_CONFIG_MODEL_SUB_STATUS;
    case DCM_CONFIG_MODEL_PUB_SET: return DCM_CONFIG_MODEL_PUB_STATUS;
    case DCM_CONFIG_RELAY_SET: return DCM_CONFIG_RELAY_STATUS;
    case DCM_CONFIG_DEFAULT_TTL_SET: return DCM_CONFIG_DEFAULT_TTL_STATUS;
    case DCM_CONFIG_NODE_RESET: return DCM_CONFIG_NODE_RESET_STATUS;
    case DCM_CONFIG_HEARTBEAT_PUB_SET: return DCM_CONFIG_HEARTBEAT_PUB_STATUS;
    case DCM_CONFIG_HEARTBEAT_SUB_SET: return DCM_CONFIG_HEARTBEAT_SUB_STATUS;
    case DCM_CONFIG_HEARTBEAT_SUB_GET: return DCM_CONFIG_HEARTBEAT_SUB_STATUS;
    default: return 0xFFFFFFFFu;
    }
}

dcm_result_t dcm_config_decode_request(uint32_t opcode, const uint8_t *parameters, size_t length, dcm_config_message_t *out)
{
    const dcm_config_message_t empty = {0};
    *out = empty;
    out->opcode = opcode;
    if (length > 0u && parameters == NULL)
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

    switch (opcode)
    {
    case DCM_CONFIG_COMPOSITION_DATA_GET:
        if (length != 1u)
        {
            return DCM_RESULT_INVALID_ARGUMENT;
        }
        out->page = parameters[0];
        return DCM_RESULT_OK;

    case DCM_CONFIG_APP_KEY_ADD:
        if (length != 3u + DCM_KEY_LENGTH)
        {
            return DCM_RESULT_INVALID_ARGUMENT;
        }
        out->net_index = (uint16_t)(parameters[0] | ((parameters[1] & 0x0Fu) << 8));
        out->app_index = (uint16_t)((parameters[1] >> 4) | (parameters[2] << 4));
        copy_bytes(out->app_key, parameters + 3, DCM_KEY_LENGTH);
        return DCM_RESULT_OK;

    case DCM_CONFIG_MODEL_APP_BIND:
    case DCM_CONFIG_MODEL_SUB_ADD:
        if (length < 6u)
        {
            return DCM_RESULT_INVALID_ARGUMENT;
        }
        out->element_address = read16(parameters);
        if (opcode == DCM_CONFIG_MODEL_APP_BIND)
        {
            out->app_index = read16(parameters + 2);
            if (out->app_index > 0x0FFFu)
            {
                return DCM_RESULT_INVALID_ARGUMENT;
            }
        }
        else
        {
            out->address = read16(parameters + 2);
            if (out->address < 0xC000u)
            {
                return DCM_RESULT_INVALID_ARGUMENT;
            }
        }
        return dcm_address_is_unicast(out->element_address) && read_model(parameters + 4, length - 4u, out) ? DCM_RESULT_OK : DCM_RESULT_INVALID_ARGUMENT;

    case DCM_CONFIG_MODEL_PUB_SET:
        if (length < 11u)
        {
            return DCM_RESULT_INVALID_ARGUMENT;
        }
        out->element_address = read16(parameters);
        out->address = read16(parameters + 2);
        out->app_index = (uint16_t)(read16(parameters + 4) & 0x0FFFu);
        out->credential_flag = (uint8_t)((parameters[5] >> 4) & 1u);
        out->ttl = parameters[6];
        out->period = parameters[7];
        out->retransmit = parameters[8];
        if ((parameters[5] & 0xE0u) != 0u || (out->ttl > 0x7Fu && out->ttl != 0xFFu))
        {
            return DCM_RESULT_INVALID_ARGUMENT;
        }
        return dcm_address_is_unicast(out->element_address) && read_model(parameters + 9, length - 9u, out) ? DCM_RESULT_OK : DCM_RESULT_INVALID_ARGUMENT;

    case DCM_CONFIG_RELAY_SET:
        if (length != 2u || parameters[0] > 1u)
        {
            return DCM_RESULT_INVALID_ARGUMENT;
        }
        out->relay = parameters[0];
        out->retransmit = parameters[1];
        return DCM_RESULT_OK;

    case DCM_CONFIG_DEFAULT_TTL_SET:
        if (length != 1u || !dcm_composition_default_ttl_valid(parameters[0]))
        {
            return DCM_RESULT_INVALID_ARGUMENT;
        }
        out->ttl = parameters[0];
        return DCM_RESULT_OK;

    case DCM_CONFIG_NODE_RESET:
    case DCM_CONFIG_HEARTBEAT_SUB_GET:
        return length == 0u ? DCM_RESULT_OK : DCM_RESULT_INVALID_ARGUMENT;

    case DCM_CONFIG_HEARTBEAT_PUB_SET: /* §4.3.2.62: Destination, CountLog, PeriodLog, TTL, Features, NetKeyIndex */
        if (length != 9u)
        {
            return DCM_RESULT_INVALID_ARGUMENT;
        }
        out->address = read16(parameters);
        out->count_log = parameters[2];
        out->period = parameters[3];
        out->ttl = parameters[4];
        out->features = read16(parameters + 5);
        out->net_index = read16(parameters + 7);
        if (out->address >= 0x8000u && out->address < 0xC000u)
        {
            return DCM_RESULT_INVALID_ARGUMENT; /* virtual addresses are prohibited */
        }
        return (out->count_log <= DCM_HEARTBEAT_LOG_MAX || out->count_log == 0xFFu) && out->period <= DCM_HEARTBEAT_LOG_MAX && out->ttl <= 0x7Fu
                       && (out->features & 0xFFF0u) == 0u && out->net_index <= 0x0FFFu
                   ? DCM_RESULT_OK
                   : DCM_RESULT_INVALID_ARGUMENT;

    case DCM_CONFIG_HEARTBEAT_SUB_SET: /* §4.3.2.65: Source, Destination, PeriodLog */
        if (length != 5u)
        {
            return DCM_RESULT_INVALID_ARGUMENT;
        }
        out->source = read16(parameters);
        out->address = read16(parameters + 2);
        out->period = parameters[4];
        if (out->source != 0u && !dcm_address_is_unicast(out->source))
        {
            return DCM_RESULT_INVALID_ARGUMENT;
        }
        if (out->address >= 0x8000u && out->address < 0xC000u)
        {
            return DCM_RESULT_INVALID_ARGUMENT;
        }
        return out->period <= DCM_HEARTBEAT_LOG_MAX ? DCM_RESULT_OK : DCM_RESULT_INVALID_ARGUMENT;

    default:
        return DCM_RESULT_INVALID_ARGUMENT;
    }
}

int dcm_config_encode_status(const dcm_config_message_t *message, const uint8_t *data, size_t data_length, uint8_t *out, size_t capacity)
{
    uint8_t buffer[16];
    size_t length = 0;
    switch (message->opcode)
    {
    case DCM_CONFIG_COMPOSITION_DATA_STATUS:
        if (capacity < 1u + data_length || (data_length > 0u && data == NULL))
        {
            return -1;
        }
        out[0] = message->page;
        if (data_length > 0u)
        {
            copy_bytes(out + 1, data, data_length);
        }
        return (int)(1u + data_length);

    case DCM_CONFIG_APP_KEY_STATUS:
        buffer[0] = message->status;
        buffer[1] = (uint8_t)message->net_index;
        buffer[2] = (uint8_t)(((message->net_index >> 8) & 0x0Fu) | ((message->app_index & 0x0Fu) << 4));
        buffer[3] = (uint8_t)(message->app_index >> 4);
        length = 4u;
        break;

    case DCM_CONFIG_MODEL_APP_STATUS:
    case DCM_CONFIG_MODEL_SUB_STATUS:
        buffer[0] = message->status;
        write16(buffer + 1, message->element_address);
        write16(buffer + 3, message->opcode == DCM_CONFIG_MODEL_APP_STATUS ? message->app_index : message->address);
        length = 5u + write_model(message, buffer + 5);
        break;

    case DCM_CONFIG_MODEL_PUB_STATUS:
        buffer[0] = message->status;
        write16(buffer + 1, message->element_address);
        write16(buffer + 3, message->address);
        write16(buffer + 5, (uint16_t)((message->app_index & 0x0FFFu) | ((message->credential_flag & 1u) << 12)));
        buffer[7] = message->ttl;
        buffer[8] = message->period;
        buffer[9] = message->retransmit;
        length = 10u + write_model(message, buffer + 10);
        break;

    case DCM_CONFIG_RELAY_STATUS:
        buffer[0] = message->relay;
        buffer[1] = message->retransmit;
        length = 2u;
        break;

    case DCM_CONFIG_DEFAULT_TTL_STATUS:
        buffer[0] = message->ttl;
        length = 1u;
        break;

    case DCM_CONFIG_NODE_RESET_STATUS:
        return 0;

    case DCM_CONFIG_HEARTBEAT_PUB_STATUS: /* §4.3.2.63 */
        buffer[0] = message->status;
        write16(buffer + 1, message->address);
        buffer[3] = message->count_log;
        buffer[4] = message->period;
        buffer[5] = message->ttl;
        write16(buffer + 6, message->features);
        write16(buffer + 8, message->net_index);
        length = 10u;
        break;

    case DCM_CONFIG_HEARTBEAT_SUB_STATUS: /* §4.3.2.66 */
        buffer[0] = message->status;
        write16(buffer + 1, message->source);
        write16(buffer + 3, message->address);
        buffer[5] = message->period;
        buffer[6] = message->count_log;
        buffer[7] = message->min_hops;
        buffer[8] = message->max_hops;
        length = 9u;
        break;

    default:
        return -1;
    }

    if (capacity < length)
    {
        return -1;
    }
    copy_bytes(out, buffer, length);
    return (int)length;
}
