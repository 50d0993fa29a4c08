using System;
using DcMonitor.Shared.Uplink;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// A node's energy counter (issue "MQTT uplink"): rectangles of power held until the next reading, the sub-mWh remainder kept,
    /// back-flowing power and long gaps not counted, the 32-bit wrap, and the save policy (after 100 mWh more, or 60 s after the
    /// last save when anything was gained). 1 mWh is 3.6 W held for one second.
    /// </summary>
    [TestClass]
    public class EnergyMeterTests
    {
        private const long OneMilliwattHourAtOneSecond = 3600000; // µW held for 1000 ms = 1 mWh

        [TestMethod]
        public void EachReadingsPowerIsHeldUntilTheNextOne()
        {
            EnergyMeter meter = new EnergyMeter();
            meter.Add(OneMilliwattHourAtOneSecond, 0);
            Assert.AreEqual(0u, meter.TotalMilliwattHours, "the first reading starts a rectangle");
            meter.Add(0, 1000);
            Assert.AreEqual(1u, meter.TotalMilliwattHours, "3.6 W for one second");
            meter.Add(OneMilliwattHourAtOneSecond * 10, 5000);
            Assert.AreEqual(1u, meter.TotalMilliwattHours, "the zero power read at 1 s was held until 5 s");
            meter.Add(0, 6000);
            Assert.AreEqual(11u, meter.TotalMilliwattHours);
        }

        [TestMethod]
        public void FractionsOfAMilliwattHourAreCarriedNotLost()
        {
            EnergyMeter meter = new EnergyMeter();
            long half = OneMilliwattHourAtOneSecond / 2;
            meter.Add(half, 0);
            meter.Add(half, 1000);
            Assert.AreEqual(0u, meter.TotalMilliwattHours, "half a mWh");
            meter.Add(half, 2000);
            Assert.AreEqual(1u, meter.TotalMilliwattHours, "two halves");
            for (int ms = 2001; ms <= 3000; ms++)
            {
                meter.Add(half, ms); // a reading every millisecond adds up to the same energy
            }

            Assert.AreEqual(1u, meter.TotalMilliwattHours, "1.5 mWh");
            meter.Add(half, 4000);
            Assert.AreEqual(2u, meter.TotalMilliwattHours);
        }

        [TestMethod]
        public void BackFlowingPowerCountsNothingAndTakesNothingAway()
        {
            EnergyMeter meter = new EnergyMeter();
            meter.Add(OneMilliwattHourAtOneSecond / 2, 0);
            meter.Add(-OneMilliwattHourAtOneSecond * 100, 1000); // half a mWh counted, then back flow
            meter.Add(OneMilliwattHourAtOneSecond / 2, 9000);
            Assert.AreEqual(0u, meter.TotalMilliwattHours);
            meter.Add(0, 10000);
            Assert.AreEqual(1u, meter.TotalMilliwattHours, "the half before the back flow is still there");
        }

        [TestMethod]
        public void AGapOfMoreThanTenSecondsIsNotIntegrated()
        {
            EnergyMeter meter = new EnergyMeter();
            meter.Add(OneMilliwattHourAtOneSecond, 0);
            meter.Add(OneMilliwattHourAtOneSecond, EnergyMeter.MaximumGapMilliseconds);
            Assert.AreEqual(10u, meter.TotalMilliwattHours, "exactly the longest gap is integrated");
            meter.Add(0, (2 * EnergyMeter.MaximumGapMilliseconds) + 1);
            Assert.AreEqual(10u, meter.TotalMilliwattHours, "one millisecond more is not");
        }

        [TestMethod]
        public void TimeGoingBackwardsIsRefusedAndChangesNothing()
        {
            EnergyMeter meter = new EnergyMeter();
            meter.Add(OneMilliwattHourAtOneSecond, 5000);
            meter.Add(OneMilliwattHourAtOneSecond, 5000);
            Assert.ThrowsException(typeof(ArgumentException), delegate { meter.Add(0, 4999); });
            meter.Add(0, 6000);
            Assert.AreEqual(1u, meter.TotalMilliwattHours, "integrated from 5 s as if the refused reading never came");
        }

        [TestMethod]
        public void RestoreStartsFromTheSavedTotalWithoutAnOldRectangle()
        {
            EnergyMeter meter = new EnergyMeter();
            meter.Add(OneMilliwattHourAtOneSecond / 2, 0);
            meter.Add(OneMilliwattHourAtOneSecond, 1000); // half a mWh in the remainder
            meter.Restore(500, 2000);
            Assert.AreEqual(500u, meter.TotalMilliwattHours);
            Assert.AreEqual(500u, meter.SavedMilliwattHours);
            meter.Add(OneMilliwattHourAtOneSecond / 2, 3000);
            Assert.AreEqual(500u, meter.TotalMilliwattHours, "the reading before the restore is not held across it");
            meter.Add(0, 4000);
            Assert.AreEqual(500u, meter.TotalMilliwattHours, "nor is the old remainder: half a mWh only");
            Assert.IsFalse(meter.ShouldSave(1000000), "nothing gained since the restore");
        }

        [TestMethod]
        public void TheCounterWrapsAtThirtyTwoBits()
        {
            EnergyMeter meter = new EnergyMeter();
            meter.Restore(4294967295, 0);
            meter.Add(OneMilliwattHourAtOneSecond * 2, 0);
            meter.Add(0, 1000);
            Assert.AreEqual(1u, meter.TotalMilliwattHours);
            Assert.IsFalse(meter.ShouldSave(1000), "two gained, across the wrap");
            Assert.IsTrue(meter.ShouldSave(EnergyMeter.SaveIntervalMilliseconds));
        }

        [TestMethod]
        public void ASaveIsDueAfterAHundredMilliwattHoursOrAMinute()
        {
            EnergyMeter meter = new EnergyMeter();
            meter.Restore(0, 0);
            Assert.IsFalse(meter.ShouldSave(10 * EnergyMeter.SaveIntervalMilliseconds), "nothing gained: nothing to save however long");
            meter.Add(OneMilliwattHourAtOneSecond, 0);
            meter.Add(OneMilliwattHourAtOneSecond, 1000);
            Assert.IsFalse(meter.ShouldSave(1000), "1 mWh within the minute");
            Assert.IsFalse(meter.ShouldSave(EnergyMeter.SaveIntervalMilliseconds - 1));
            Assert.IsTrue(meter.ShouldSave(EnergyMeter.SaveIntervalMilliseconds));
            Assert.AreEqual(0u, meter.SavedMilliwattHours, "published total until the image saves");
            meter.Saved(1000);
            Assert.AreEqual(1u, meter.SavedMilliwattHours);

            meter.Add(OneMilliwattHourAtOneSecond * (EnergyMeter.SaveStepMilliwattHours - 2), 1000);
            meter.Add(0, 2000);
            Assert.AreEqual(99u, meter.TotalMilliwattHours);
            Assert.IsFalse(meter.ShouldSave(2000), "98 more");
            meter.Add(OneMilliwattHourAtOneSecond * 2, 2000);
            meter.Add(0, 3000);
            Assert.IsTrue(meter.ShouldSave(3000), "100 more, well within the minute");
            meter.Saved(3000);
            Assert.AreEqual(101u, meter.SavedMilliwattHours);
            Assert.IsFalse(meter.ShouldSave(3000));
        }
    }
}
