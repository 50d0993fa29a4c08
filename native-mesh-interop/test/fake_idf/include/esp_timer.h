/* Fake of ESP-IDF v5.5.4 components/esp_timer/include/esp_timer.h (the part the glue uses). */
#pragma once
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif
int64_t esp_timer_get_time(void);
#ifdef __cplusplus
}
#endif
