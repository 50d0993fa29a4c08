/* Reply contexts of received requests: see dcm_reply_table.h. */
#include "dcm_reply_table.h"

#include "dcm_platform.h"

void dcm_reply_table_init(dcm_reply_table_t *table)
{
    dcm_platform_enter_critical();
    for (uint8_t i = 0; i < DCM_REPLY_CAPACITY; i++)
    {
        table->entries[i].handle = 0;
    }
    table->last_handle = 0;
    table->next_slot = 0;
    dcm_platform_exit_critical();
}

uint16_t dcm_reply_table_put(dcm_reply_table_t *table, const dcm_reply_context_t *context)
{
    dcm_platform_enter_critical();
    uint16_t handle = (uint16_t)(table->last_handle + 1u);
    if (handle == 0u)
    {
        handle = 1u;
    }
    table->last_handle = handle;
    dcm_reply_context_t *slot = &table->entries[table->next_slot];
    *slot = *context;
    slot->handle = handle;
    table->next_slot = (uint8_t)((table->next_slot + 1u) % DCM_REPLY_CAPACITY);
    dcm_platform_exit_critical();
    return handle;
}

bool dcm_reply_table_take(dcm_reply_table_t *table, uint16_t handle, uint8_t model, dcm_reply_context_t *out)
{
    bool found = false;
    if (handle == 0u)
    {
        return false;
    }

    dcm_platform_enter_critical();
    for (uint8_t i = 0; i < DCM_REPLY_CAPACITY; i++)
    {
        dcm_reply_context_t *entry = &table->entries[i];
        if (entry->handle == handle && entry->model == model)
        {
            *out = *entry;
            entry->handle = 0;
            found = true;
            break;
        }
    }
    dcm_platform_exit_critical();
    return found;
}
