using System.Collections.Generic;
using System.Runtime.CompilerServices;
using DcMonitor.Emulator.Peripherals;

namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// Which virtual battery monitors (<see cref="VirtualBatteryMonitor"/>) are on which air: the emulated central of a node looks up
    /// the monitors of its stack's air (an air of another process's hub has none). Thread-safe.
    /// </summary>
    public static class BatteryMonitorPlacement
    {
        private static readonly ConditionalWeakTable<IAirMedium, List<VirtualBatteryMonitor>> s_placed = new ConditionalWeakTable<IAirMedium, List<VirtualBatteryMonitor>>();

        /// <summary>Puts <paramref name="monitor"/> on <paramref name="air"/> (once).</summary>
        public static void Place(IAirMedium air, VirtualBatteryMonitor monitor)
        {
            List<VirtualBatteryMonitor> monitors = s_placed.GetValue(air, _ => new List<VirtualBatteryMonitor>());
            lock (monitors)
            {
                if (!monitors.Contains(monitor))
                {
                    monitors.Add(monitor);
                }
            }
        }

        /// <summary>Takes <paramref name="monitor"/> off <paramref name="air"/>.</summary>
        public static void Remove(IAirMedium air, VirtualBatteryMonitor monitor)
        {
            if (s_placed.TryGetValue(air, out List<VirtualBatteryMonitor> monitors))
            {
                lock (monitors)
                {
                    monitors.Remove(monitor);
                }
            }
        }

        /// <summary>The monitors on <paramref name="air"/> now (a copy; empty for null or an air without any).</summary>
        public static VirtualBatteryMonitor[] On(IAirMedium air)
        {
            if (air == null || !s_placed.TryGetValue(air, out List<VirtualBatteryMonitor> monitors))
            {
                return new VirtualBatteryMonitor[0];
            }

            lock (monitors)
            {
                return monitors.ToArray();
            }
        }
    }
}
