#pragma once

extern int g_critical_depth;
extern int g_critical_entries;
extern int g_managed_signals;
