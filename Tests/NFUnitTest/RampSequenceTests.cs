using System;
using DcMonitor.Shared.Commands;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>The ramp of seed protocol §4.2.</summary>
    [TestClass]
    public class RampSequenceTests
    {
        [DataRow(0, 0, 500)]
        [DataRow(1, 25, 500)]
        [DataRow(2, 50, 500)]
        [DataRow(3, 75, 500)]
        [DataRow(4, 100, 500)]
        [DataRow(5, 0, 200)]
        public void Steps(int step, int duty, int holdMilliseconds)
        {
            Assert.AreEqual(duty, RampSequence.DutyAt(step));
            Assert.AreEqual(holdMilliseconds, RampSequence.HoldMillisecondsAt(step));
            Assert.AreEqual(step == 5, RampSequence.IsLast(step));
        }

        [TestMethod]
        public void TotalIsTwoPointSevenSeconds()
        {
            int total = 0;
            for (int step = 0; step < RampSequence.StepCount; step++)
            {
                total += RampSequence.HoldMillisecondsAt(step);
            }

            Assert.AreEqual(2700, total);
            Assert.AreEqual(total, RampSequence.TotalMilliseconds);
        }

        [TestMethod]
        public void StepsOutsideTheSequenceAreRejected()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { RampSequence.DutyAt(6); });
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { RampSequence.HoldMillisecondsAt(-1); });
        }
    }
}
