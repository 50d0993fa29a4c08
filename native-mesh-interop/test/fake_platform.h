#pragma once

extern int g_critical_depth;
extern int g_critical_entries;
extern int g_managed_signals;

#include <cstdint>
#include <string>
#include <vector>

extern uint32_t g_slept_ms;              // total time dcm_platform_sleep_ms was asked to block
extern void (*g_on_sleep)(void);         // called after each sleep (the fake IDF lets a slow host sync there)
extern std::vector<std::string> g_log;   // lines written with dcm_platform_log: "W: ..." or "E: ..."
