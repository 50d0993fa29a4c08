using System;

namespace DcMonitor.Shared.Battery
{
    /// <summary>
    /// The AES-128 keys of the BM6 family (docs/reference/anchors.md §4): BM6/BM200 use <c>"leagend"</c>, 0xFF, 0xFE,
    /// <c>"0100009"</c>; BM7/BM300 Pro the same with last byte 64 (<c>'@'</c>). Each call returns a new array (the caller
    /// owns it; made once at set-up).
    /// </summary>
    public static class BatteryMonitorKey
    {
        /// <summary>Key length, bytes.</summary>
        public const int Length = 16;

        /// <summary>Last key byte of a BM7 / BM300 Pro.</summary>
        public const byte Bm7LastByte = 64;

        /// <summary>The BM6 / BM200 key: 108,101,97,103,101,110,100,255,254,48,49,48,48,48,48,57.</summary>
        public static byte[] Bm6()
        {
            return new byte[] { 108, 101, 97, 103, 101, 110, 100, 255, 254, 48, 49, 48, 48, 48, 48, 57 };
        }

        /// <summary>The BM7 / BM300 Pro key: the BM6 key with its last byte <see cref="Bm7LastByte"/>.</summary>
        public static byte[] Bm7()
        {
            byte[] key = Bm6();
            key[Length - 1] = Bm7LastByte;
            return key;
        }

        /// <summary>The key of <paramref name="variant"/>: <see cref="Bm6"/> or <see cref="Bm7"/>.</summary>
        /// <exception cref="ArgumentException">variant is neither Bm6 nor Bm7.</exception>
        public static byte[] For(BatteryMonitorVariant variant)
        {
            BatteryMonitorVariantName.Check(variant);
            return variant == BatteryMonitorVariant.Bm7 ? Bm7() : Bm6();
        }
    }
}
