/*
 * The platform hooks (core/dcm_platform.h) on the ESP32-C6 under nanoCLR: a FreeRTOS spinlock critical section
 * (portENTER_CRITICAL on a portMUX_TYPE: safe from tasks and from the BLE host and mesh callbacks, which run in
 * tasks), vTaskDelay, ESP-IDF's log (esp_log.h: ESP_LOGW / ESP_LOGE, shown on the ESP-IDF console at the default
 * CONFIG_LOG_DEFAULT_LEVEL_INFO), and nanoCLR's PostManagedEvent (nf-interpreter src/PAL/Include/nanoPAL_Events.h, declared
 * extern "C"; EVENT_CUSTOM = 10 in src/HAL/Include/nanoHAL_v2.h) which the C# side receives as
 * nanoFramework.Runtime.Events.CustomEvent with Data1 = DCM_EVENT_SIGNAL.
 *
 * The only file of the component that needs FreeRTOS and nanoCLR headers, so the only one not compiled by the host
 * tests; it is compiled by the firmware build.
 */
#include <stdint.h>

#include "esp_log.h"
#include "freertos/FreeRTOS.h"
#include "freertos/task.h"

#include "dcm_platform.h"

/* nanoPAL_Events.h is C++-only past its extern "C" block, so the one declaration needed is repeated here. */
void PostManagedEvent(uint8_t category, uint8_t subCategory, uint16_t data1, uint32_t data2);
#define DCM_EVENT_CATEGORY_CUSTOM 10u

/* Tag of the component's ESP-IDF log lines. */
static const char *const LOG_TAG = "dcm";

static portMUX_TYPE critical = portMUX_INITIALIZER_UNLOCKED;

void dcm_platform_enter_critical(void)
{
    portENTER_CRITICAL(&critical);
}

void dcm_platform_exit_critical(void)
{
    portEXIT_CRITICAL(&critical);
}

void dcm_platform_signal_managed(void)
{
    PostManagedEvent(DCM_EVENT_CATEGORY_CUSTOM, 0, DCM_EVENT_SIGNAL, 0);
}

void dcm_platform_sleep_ms(uint32_t milliseconds)
{
    vTaskDelay(pdMS_TO_TICKS(milliseconds));
}

void dcm_platform_log(dcm_log_level_t level, const char *message)
{
    if (level == DCM_LOG_ERROR)
    {
        ESP_LOGE(LOG_TAG, "%s", message);
    }
    else
    {
        ESP_LOGW(LOG_TAG, "%s", message);
    }
}
