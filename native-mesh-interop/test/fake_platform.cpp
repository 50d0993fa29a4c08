// Fake of the platform hooks: counts critical-section nesting so tests can check every entry is paired, and counts
// the signals to managed code.
#include "fake_platform.h"

extern "C" {
#include "dcm_platform.h"
}

int g_critical_depth = 0;
int g_critical_entries = 0;
int g_managed_signals = 0;

extern "C" void dcm_platform_enter_critical(void)
{
    g_critical_depth++;
    g_critical_entries++;
}

extern "C" void dcm_platform_exit_critical(void)
{
    g_critical_depth--;
}

extern "C" void dcm_platform_signal_managed(void)
{
    g_managed_signals++;
}

extern "C" void dcm_platform_sleep_ms(uint32_t milliseconds)
{
    (void)milliseconds;
}
