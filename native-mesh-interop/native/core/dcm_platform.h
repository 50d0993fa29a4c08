/*
 * Platform hooks the native core needs and nothing more, so the core builds and is tested on the host
 * against a fake. On the ESP32-C6 they map to FreeRTOS critical sections (portENTER_CRITICAL on a
 * portMUX_TYPE), which are safe from tasks and from the BLE host's callbacks.
 */
#ifndef DCM_PLATFORM_H
#define DCM_PLATFORM_H

#ifdef __cplusplus
extern "C" {
#endif

/* Enter / leave the critical section that guards the event queue (must nest-safely pair). */
void dcm_platform_enter_critical(void);
void dcm_platform_exit_critical(void);

#ifdef __cplusplus
}
#endif

#endif /* DCM_PLATFORM_H */
