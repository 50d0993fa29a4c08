/* Fake of ESP-IDF v5.5.4 components/esp_timer/include/esp_timer.h (the part the glue uses). */
#pragma once
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif
int64_t esp_timer_get_time(void);
#include <stdbool.h>
#include "esp_err.h"
typedef struct esp_timer *esp_timer_handle_t;
typedef void (*esp_timer_cb_t)(void *arg);
typedef enum
{
    ESP_TIMER_TASK, /* the other members (ISR dispatch, the count sentinel) are omitted: the glue uses only this one */
} esp_timer_dispatch_t;
typedef struct
{
    esp_timer_cb_t callback;
    void *arg;
    esp_timer_dispatch_t dispatch_method;
    const char *name;
    bool skip_unhandled_events;
} esp_timer_create_args_t;
esp_err_t esp_timer_create(const esp_timer_create_args_t *create_args, esp_timer_handle_t *out_handle);
esp_err_t esp_timer_start_once(esp_timer_handle_t timer, uint64_t timeout_us);
esp_err_t esp_timer_stop(esp_timer_handle_t timer);
#ifdef __cplusplus
}
#endif
