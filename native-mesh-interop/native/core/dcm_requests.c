/* Outstanding acknowledged requests: see dcm_requests.h. */
#include "dcm_requests.h"

#include "dcm_address.h"
#include "dcm_platform.h"

/* The client model a request opcode belongs to: vendor (3-byte opcodes), Generic OnOff (0x82xx) or Config. */
static int client_of(uint32_t opcode)
{
    if (opcode >= 0xC00000u)
    {
        return 1;
    }

    return (opcode & 0xFF00u) == 0x8200u ? 2 : 3;
}

void dcm_requests_init(dcm_requests_t *requests)
{
    dcm_platform_enter_critical();
    for (size_t i = 0; i < DCM_REQUESTS_CAPACITY; i++)
    {
        requests->entries[i].request_id = 0;
        requests->entries[i].destination = 0;
        requests->entries[i].request_opcode = 0;
    }
    dcm_platform_exit_critical();
}

dcm_result_t dcm_requests_begin(dcm_requests_t *requests, uint16_t request_id, uint16_t destination, uint32_t request_opcode)
{
    if (request_id == 0u || !dcm_address_is_unicast(destination))
    {
        return DCM_RESULT_INVALID_ARGUMENT;
    }

    dcm_result_t result = DCM_RESULT_NO_MEMORY;
    dcm_request_t *free_slot = NULL;
    dcm_platform_enter_critical();
    for (size_t i = 0; i < DCM_REQUESTS_CAPACITY; i++)
    {
        dcm_request_t *entry = &requests->entries[i];
        if (entry->request_id == 0u)
        {
            if (free_slot == NULL)
            {
                free_slot = entry;
            }
        }
        else if (entry->destination == destination && client_of(entry->request_opcode) == client_of(request_opcode))
        {
            free_slot = NULL;
            result = DCM_RESULT_BUSY;
            break;
        }
    }

    if (free_slot != NULL)
    {
        free_slot->request_id = request_id;
        free_slot->destination = destination;
        free_slot->request_opcode = request_opcode;
        result = DCM_RESULT_OK;
    }
    dcm_platform_exit_critical();
    return result;
}

uint16_t dcm_requests_finish(dcm_requests_t *requests, uint16_t destination, uint32_t request_opcode)
{
    uint16_t request_id = 0;
    dcm_platform_enter_critical();
    for (size_t i = 0; i < DCM_REQUESTS_CAPACITY; i++)
    {
        dcm_request_t *entry = &requests->entries[i];
        if (entry->request_id != 0u && entry->destination == destination && entry->request_opcode == request_opcode)
        {
            request_id = entry->request_id;
            entry->request_id = 0;
            break;
        }
    }
    dcm_platform_exit_critical();
    return request_id;
}

size_t dcm_requests_outstanding(const dcm_requests_t *requests)
{
    size_t count = 0;
    dcm_platform_enter_critical();
    for (size_t i = 0; i < DCM_REQUESTS_CAPACITY; i++)
    {
        if (requests->entries[i].request_id != 0u)
        {
            count++;
        }
    }
    dcm_platform_exit_critical();
    return count;
}
