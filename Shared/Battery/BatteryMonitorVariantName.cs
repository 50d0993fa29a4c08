using System;

namespace DcMonitor.Shared.Battery
{
    /// <summary>
    /// The console and settings-file words of a <see cref="BatteryMonitorVariant"/>: <c>bm6</c>, <c>bm7</c> (lower case, as
    /// typed after <c>bm6 use &lt;address&gt;</c> and kept as <c>variant=bm7</c> in the settings file).
    /// </summary>
    public static class BatteryMonitorVariantName
    {
        /// <summary>The word of <see cref="BatteryMonitorVariant.Bm6"/>.</summary>
        public const string Bm6 = "bm6";

        /// <summary>The word of <see cref="BatteryMonitorVariant.Bm7"/>.</summary>
        public const string Bm7 = "bm7";

        /// <summary>The word of <paramref name="variant"/>.</summary>
        /// <exception cref="ArgumentException">variant is neither Bm6 nor Bm7.</exception>
        public static string Of(BatteryMonitorVariant variant)
        {
            Check(variant);
            return variant == BatteryMonitorVariant.Bm7 ? Bm7 : Bm6;
        }

        /// <summary>The variant named <paramref name="word"/> (exactly <c>bm6</c> or <c>bm7</c>); false for anything else.</summary>
        public static bool TryParse(string word, out BatteryMonitorVariant variant)
        {
            variant = BatteryMonitorVariant.Bm6;
            if (word == Bm6)
            {
                return true;
            }

            if (word == Bm7)
            {
                variant = BatteryMonitorVariant.Bm7;
                return true;
            }

            return false;
        }

        /// <summary>Checks that <paramref name="variant"/> is one of the defined values.</summary>
        /// <exception cref="ArgumentException">variant is neither Bm6 nor Bm7.</exception>
        public static void Check(BatteryMonitorVariant variant)
        {
            if (variant != BatteryMonitorVariant.Bm6 && variant != BatteryMonitorVariant.Bm7)
            {
                throw new ArgumentException("battery monitor variant " + ((int)variant).ToString() + " is neither bm6 nor bm7");
            }
        }
    }
}
