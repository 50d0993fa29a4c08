/* Fake of NimBLE (ESP-IDF v5.5.4) porting/npl/freertos/include/nimble/nimble_port_freertos.h (the part the glue uses);
 * TaskFunction_t is FreeRTOS's task function type. */
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
typedef void (*TaskFunction_t)(void *);
void nimble_port_freertos_init(TaskFunction_t host_task_fn);
void nimble_port_freertos_deinit(void);
#ifdef __cplusplus
}
#endif
