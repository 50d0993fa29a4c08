/*
 * Platform hooks the native core and the ESP-IDF glue need and nothing more, so both build and are tested on
 * the host against a fake (native-mesh-interop/test/fake_platform.cpp). On the ESP32-C6 they are implemented by
 * native/esp/dcm_platform_esp.c: FreeRTOS critical sections (portENTER_CRITICAL on a portMUX_TYPE, safe from
 * tasks and from the BLE host's callbacks), vTaskDelay, and nanoCLR's PostManagedEvent.
 */
#ifndef DCM_PLATFORM_H
#define DCM_PLATFORM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Enter / leave the critical section that guards the event queue (must nest-safely pair). */
void dcm_platform_enter_critical(void);
void dcm_platform_exit_critical(void);

/* Posts the nanoFramework custom event (EVENT_CUSTOM, data1 = DCM_EVENT_SIGNAL) that makes managed code drain the
 * event queue. Callable from any task and from BLE/mesh callbacks; never blocks. */
void dcm_platform_signal_managed(void);

/* Blocks the calling task for `milliseconds` (used only while bringing the BLE host up, on the CLR thread). */
void dcm_platform_sleep_ms(uint32_t milliseconds);

/* Severity of a line written with dcm_platform_log. */
typedef enum
{
    DCM_LOG_WARNING = 0,
    DCM_LOG_ERROR = 1
} dcm_log_level_t;

/* Writes one diagnostic line (a NUL-terminated constant text, no formatting) to the device's console log. Used only on
 * the CLR thread while bringing the BLE host up; never blocks for long. */
void dcm_platform_log(dcm_log_level_t level, const char *message);

/* `data1` of the custom event: DcMonitor.MeshInterop.MeshNode.EventSignal. */
#define DCM_EVENT_SIGNAL 0xDC0Eu

#ifdef __cplusplus
}
#endif

#endif /* DCM_PLATFORM_H */
