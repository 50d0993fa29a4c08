// Fake of the platform hooks: counts critical-section nesting so tests can check every entry is paired, counts the
// signals to managed code, adds up the time slept and keeps the log lines.
#include "fake_platform.h"

extern "C" {
#include "dcm_platform.h"
}

int g_critical_depth = 0;
int g_critical_entries = 0;
int g_managed_signals = 0;
uint32_t g_slept_ms = 0;
void (*g_on_sleep)(void) = nullptr;
std::vector<std::string> g_log;

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
    g_slept_ms += milliseconds;
    if (g_on_sleep != nullptr)
    {
        g_on_sleep();
    }
}

extern "C" void dcm_platform_log(dcm_log_level_t level, const char *message)
{
    g_log.push_back(std::string(level == DCM_LOG_ERROR ? "E: " : "W: ") + message);
}
