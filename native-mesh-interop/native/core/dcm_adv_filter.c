/* Battery monitor advert filter (dcm_adv_filter.h). */
#include "dcm_adv_filter.h"

/* AD types (Bluetooth Assigned Numbers, "Common Data Types"). */
#define AD_INCOMPLETE_UUIDS16 0x02u
#define AD_COMPLETE_UUIDS16 0x03u
#define AD_SHORTENED_NAME 0x08u
#define AD_COMPLETE_NAME 0x09u

/* True when the name ends in "BM" followed by 2, 6 or 7 (the BM2, BM6 and BM7 models; a prefix such as "Battery-" may precede it). */
static bool model_name(const uint8_t *name, size_t length)
{
    if (length < 3u)
    {
        return false;
    }
    const uint8_t *tail = name + length - 3u;
    return tail[0] == (uint8_t)'B' && tail[1] == (uint8_t)'M' && (tail[2] == (uint8_t)'2' || tail[2] == (uint8_t)'6' || tail[2] == (uint8_t)'7');
}

static bool lists_service(const uint8_t *uuids, size_t length)
{
    for (size_t i = 0; i + 1u < length; i += 2u)
    {
        if ((uint16_t)(uuids[i] | (uuids[i + 1u] << 8)) == DCM_BATTERY_SERVICE_UUID)
        {
            return true;
        }
    }
    return false;
}

void dcm_adv_filter_match(const uint8_t *data, size_t length, dcm_adv_match_t *match)
{
    match->matches = false;
    match->name_length = 0;
    size_t offset = 0;
    while (data != NULL && offset < length)
    {
        size_t field = data[offset];
        if (field == 0u || offset + 1u + field > length)
        {
            break; /* end of the significant part, or a structure cut short */
        }
        uint8_t type = data[offset + 1u];
        const uint8_t *value = data + offset + 2u;
        size_t value_length = field - 1u;
        if (type == AD_COMPLETE_NAME || type == AD_SHORTENED_NAME)
        {
            size_t kept = value_length < DCM_ADV_NAME_MAX ? value_length : DCM_ADV_NAME_MAX;
            for (size_t i = 0; i < kept; i++)
            {
                match->name[i] = value[i];
            }
            match->name_length = (uint8_t)kept;
            if (model_name(value, value_length))
            {
                match->matches = true;
            }
        }
        else if ((type == AD_COMPLETE_UUIDS16 || type == AD_INCOMPLETE_UUIDS16) && lists_service(value, value_length))
        {
            match->matches = true;
        }
        offset += 1u + field;
    }
}
