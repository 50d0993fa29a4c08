/* Directed Forwarding Configuration Client messages: see dcm_df_codec.h. */
#include "dcm_df_codec.h"


#define IGNORE_VALUE 0xFFu
#define NET_INDEX_MAX 0x0FFFu

static uint16_t read16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static void write16(uint8_t *p, uint16_t value)
{
    p[0] = (uint8_t)value;
    p[1] = (uint8_t)(value >> 8);
}

/* Reads a unicast address range at *offset; 0 when the bytes run out, a present length is below 2 or the range is not unicast. */
static int read_range(const uint8_t *p, size_t length, size_t *offset, dcm_df_range_t *out)
{
    if (length < *offset + 2u)
    {
        return 0;
    }
    uint16_t word = read16(p + *offset);
    *offset += 2u;
    out->first = (uint16_t)(word >> 1);
    out->length = 1u;
    if ((word & 1u) != 0u)
    {
        if (length < *offset + 1u || p[*offset] < 2u)
        {
            return 0;
        }
        out->length = p[*offset];
        *offset += 1u;
    }
    return out->first != 0u && (uint32_t)out->first + out->length - 1u <= 0x7FFFu;
}

static int flag_or_ignore(uint8_t value)
{
    return value <= 1u || value == IGNORE_VALUE;
}

int dcm_df_is_request(uint32_t opcode)
{
    return opcode == DCM_DF_DIRECTED_CONTROL_SET || opcode == DCM_DF_FORWARDING_TABLE_ADD || opcode == DCM_DF_FORWARDING_TABLE_DEPS_ADD;
}

uint32_t dcm_df_status_opcode(uint32_t request_opcode)
{
    switch (request_opcode)
    {
    case DCM_DF_DIRECTED_CONTROL_SET: return DCM_DF_DIRECTED_CONTROL_STATUS;
    case DCM_DF_FORWARDING_TABLE_ADD: return DCM_DF_FORWARDING_TABLE_STATUS;
    case DCM_DF_FORWARDING_TABLE_DEPS_ADD: return DCM_DF_FORWARDING_TABLE_DEPS_STATUS;
    default: return 0xFFFFFFFFu;
    }
}

dcm_result_t dcm_df_decode_request(uint32_t opcode, const uint8_t *p, size_t length, dcm_df_message_t *out)
{
    if (out == NULL || (p == NULL && length > 0u))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }
    const dcm_df_message_t empty = {0}; /* freestanding core: no string.h */
    *out = empty;
    out->opcode = opcode;
    switch (opcode)
    {
    case DCM_DF_DIRECTED_CONTROL_SET:
        if (length != 7u || read16(p) > NET_INDEX_MAX || p[2] > 1u || p[3] > 1u || (p[2] == 0u && p[3] == 1u) || !flag_or_ignore(p[4])
            || !flag_or_ignore(p[5]) || !flag_or_ignore(p[6]))
        {
            return DCM_RESULT_INVALID_ARGUMENT;
        }
        out->net_index = read16(p);
        out->directed_forwarding = p[2];
        out->directed_relay = p[3];
        out->directed_proxy = p[4];
        out->directed_proxy_use_default = p[5];
        out->directed_friend = p[6];
        return DCM_RESULT_OK;
    case DCM_DF_FORWARDING_TABLE_ADD:
    {
        size_t offset = 2u;
        if (length < 2u || (p[1] & 0xC0u) != 0u || !read_range(p, length, &offset, &out->path_origin))
        {
            return DCM_RESULT_INVALID_ARGUMENT;
        }
        out->net_index = (uint16_t)(read16(p) & NET_INDEX_MAX);
        out->unicast_destination = (uint8_t)((p[1] >> 4) & 1u);
        out->backward_path_validated = (uint8_t)((p[1] >> 5) & 1u);
        if (out->unicast_destination != 0u)
        {
            if (!read_range(p, length, &offset, &out->path_target))
            {
                return DCM_RESULT_INVALID_ARGUMENT;
            }
        }
        else
        {
            if (length < offset + 2u || read16(p + offset) < 0xC000u)
            {
                return DCM_RESULT_INVALID_ARGUMENT;
            }
            out->destination = read16(p + offset);
            offset += 2u;
        }
        if (length != offset + 4u)
        {
            return DCM_RESULT_INVALID_ARGUMENT;
        }
        out->bearer_toward_origin = read16(p + offset);
        out->bearer_toward_target = read16(p + offset + 2u);
        return DCM_RESULT_OK;
    }
    case DCM_DF_FORWARDING_TABLE_DEPS_ADD:
    {
        if (length < 8u || read16(p) > NET_INDEX_MAX)
        {
            return DCM_RESULT_INVALID_ARGUMENT;
        }
        size_t ranges = (size_t)p[6] + p[7];
        if (ranges == 0u || ranges > DCM_DF_MAX_DEPENDENT_RANGES)
        {
            return DCM_RESULT_INVALID_ARGUMENT;
        }
        size_t offset = 8u;
        for (size_t i = 0; i < ranges; i++)
        {
            if (!read_range(p, length, &offset, &out->dependents[i]))
            {
                return DCM_RESULT_INVALID_ARGUMENT;
            }
        }
        if (offset != length)
        {
            return DCM_RESULT_INVALID_ARGUMENT;
        }
        out->net_index = read16(p);
        out->origin_address = read16(p + 2);
        out->destination = read16(p + 4);
        out->dependent_origin_count = p[6];
        out->dependent_target_count = p[7];
        return DCM_RESULT_OK;
    }
    default:
        return DCM_RESULT_INVALID_ARGUMENT;
    }
}

int dcm_df_encode_status(const dcm_df_message_t *message, uint8_t *out, size_t capacity)
{
    if (message == NULL || out == NULL)
    {
        return -1;
    }
    if (message->opcode == DCM_DF_DIRECTED_CONTROL_STATUS)
    {
        if (capacity < 8u)
        {
            return -1;
        }
        out[0] = message->status;
        write16(out + 1, message->net_index);
        out[3] = message->directed_forwarding;
        out[4] = message->directed_relay;
        out[5] = message->directed_proxy;
        out[6] = message->directed_proxy_use_default;
        out[7] = message->directed_friend;
        return 8;
    }
    if (message->opcode == DCM_DF_FORWARDING_TABLE_STATUS || message->opcode == DCM_DF_FORWARDING_TABLE_DEPS_STATUS)
    {
        if (capacity < 7u)
        {
            return -1;
        }
        out[0] = message->status;
        write16(out + 1, message->net_index);
        write16(out + 3, message->origin_address);
        write16(out + 5, message->destination);
        return 7;
    }
    return -1;
}
