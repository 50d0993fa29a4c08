using System;
using DcMonitor.NFUnitTest;
using DcMonitor.Shared.Battery;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Tests.Allocation;
using Xunit;

namespace DcMonitor.Tests.Battery
{
    /// <summary>
    /// The BM6 codec with real AES (.NET's) against the reference's facts (docs/reference/anchors.md §4): the key, the
    /// poll <c>d1550700…</c> encrypted, a response encrypted as the reference implementations do (AES-128-CBC, zero IV),
    /// the byte offsets, negative temperatures, the BM7 key refused by a BM6 codec; and a good read allocating nothing.
    /// </summary>
    public class BatteryMonitorAesTests
    {
        [Fact]
        public void ThePollIsTheReferencesPlaintextUnderAesCbcWithAZeroIv()
        {
            BatteryMonitorCodec codec = new BatteryMonitorCodec(new AesBlockCipher(), BatteryMonitorKey.Bm6());
            byte[] block = new byte[16];
            codec.WritePoll(block);
            Assert.Equal("d1550700000000000000000000000000", Convert.ToHexStringLower(AesBlockCipher.DecryptCbcZeroIv(BatteryMonitorKey.Bm6(), block)));
            Assert.Equal(AesBlockCipher.EncryptCbcZeroIv(BatteryMonitorKey.Bm6(), Convert.FromHexString("d1550700000000000000000000000000")), block);
            Assert.NotEqual("d1550700000000000000000000000000", Convert.ToHexStringLower(block)); // it is encrypted
        }

        [Theory]
        [InlineData("d1550700150057" + "04f7" + "00000000000000", 1271, 87, 21, "V:12.71V,SOC:87%,T:21C")]
        [InlineData("d1550701050028" + "04a6" + "00000000000000", 1190, 40, -5, "V:11.90V,SOC:40%,T:-5C")]
        [InlineData("d155070114003c" + "f4e2" + "00000000000000", 1250, 60, -20, "V:12.50V,SOC:60%,T:-20C")]
        [InlineData("d1550700000064" + "0fff" + "00000000000000", 4095, 100, 0, "V:40.95V,SOC:100%,T:0C")]
        public void AResponseEncryptedAsTheReferenceDoesIsReadAtItsHexOffsets(string plainHex, int centivolts, int stateOfCharge, int celsius, string text)
        {
            // the reference reads the decrypted hex string: [6:8] sign, [8:10] temperature, [12:14] SoC, voltage int(hex[15:18], 16) / 100
            Assert.Equal(centivolts, Convert.ToInt32(plainHex.Substring(15, 3), 16));
            Assert.Equal(stateOfCharge, Convert.ToInt32(plainHex.Substring(12, 2), 16));
            byte[] response = AesBlockCipher.EncryptCbcZeroIv(BatteryMonitorKey.Bm6(), Convert.FromHexString(plainHex));
            BatteryMonitorCodec codec = new BatteryMonitorCodec(new AesBlockCipher(), BatteryMonitorKey.Bm6());
            BatteryReading reading = new BatteryReading();
            Assert.True(codec.TryDecode(response, 16, reading), codec.LastError);
            Assert.Equal(centivolts, reading.VoltageCentivolts);
            Assert.Equal(stateOfCharge, reading.StateOfChargePercent);
            Assert.Equal(celsius, reading.TemperatureCelsius);
            Assert.Equal("BATT:" + text, BatteryReplies.Reading(reading));
        }

        [Fact]
        public void ABm7ResponseReadWithTheBm6KeyIsAnErrorShowingItsBytes()
        {
            byte[] response = AesBlockCipher.EncryptCbcZeroIv(BatteryMonitorKey.Bm7(), Convert.FromHexString("d155070015005704f700000000000000"));
            BatteryMonitorCodec codec = new BatteryMonitorCodec(new AesBlockCipher(), BatteryMonitorKey.Bm6());
            BatteryReading reading = new BatteryReading();
            Assert.False(codec.TryDecode(response, 16, reading));
            Assert.Equal(0, reading.VoltageCentivolts);
            Assert.Contains(Convert.ToHexStringLower(response), codec.LastError);
            Assert.Contains("wrong key", codec.LastError);
            Assert.True(new BatteryMonitorCodec(new AesBlockCipher(), BatteryMonitorKey.Bm7()).TryDecode(response, 16, reading), "the BM7 key reads it");
            Assert.Equal(1271, reading.VoltageCentivolts);
        }

        [Fact]
        public void AGoodReadAllocatesNothingInSteadyState()
        {
            AllocationMeter.RequireStackAllocationOff();
            QuietBatteryLink link = new QuietBatteryLink();
            BatteryMonitorReader reader = new BatteryMonitorReader(link, new XorBlockCipher(), new NodeLog());
            reader.Configure(new byte[] { 5, 0, 0, 0x67, 0xCF, 0x2C }, 0, BatteryMonitorReader.DefaultPeriodSeconds, 0);
            BatteryMonitorLinkEvent ready = ScriptedBatteryLink.Event(BatteryMonitorLinkEventKind.Ready);
            BatteryMonitorLinkEvent notification = ScriptedBatteryLink.Notification(XorBlockCipher.Response(XorBlockCipher.Plain(0, 21, 87, 1271, 0)));
            BatteryMonitorLinkEvent disconnected = ScriptedBatteryLink.Event(BatteryMonitorLinkEventKind.Disconnected);
            BatteryReading fresh = new BatteryReading();
            long now = 0;
            void ReadOnce()
            {
                now += BatteryMonitorReader.DefaultPeriodSeconds * 1000;
                reader.Tick(now);
                reader.OnLinkEvent(ready, now + 500);
                reader.OnLinkEvent(notification, now + 1000);
                reader.OnLinkEvent(disconnected, now + 1500);
                reader.TryGetFreshReading(now + 1500, fresh);
            }

            for (int i = 0; i < 100; i++)
            {
                ReadOnce();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                ReadOnce();
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(1100, reader.ReadsSucceeded);
            Assert.Equal(0, allocated);
        }
    }
}
