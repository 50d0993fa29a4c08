using DcMonitor.Shared.Load;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>Duty clamping (seed §4.2) and the inverted PWM mapping (seed §5.2, §9 B20).</summary>
    [TestClass]
    public class LoadDutyTests
    {
        [DataRow(-2147483648, 0)]
        [DataRow(-5, 0)]
        [DataRow(0, 0)]
        [DataRow(42, 42)]
        [DataRow(100, 100)]
        [DataRow(150, 100)]
        [DataRow(2147483647, 100)]
        public void ClampsToZeroToHundred(int requested, int expected)
        {
            Assert.AreEqual(expected, LoadDuty.Clamp(requested));
        }

        [TestMethod]
        public void ZeroPercentHoldsThePinConstantlyHigh()
        {
            Assert.AreEqual(1.0, LoadDuty.ToPinHighFraction(0)); // load off, no low count per period (B20)
        }

        [TestMethod]
        public void HundredPercentHoldsThePinConstantlyLow()
        {
            Assert.AreEqual(0.0, LoadDuty.ToPinHighFraction(100)); // load fully on
        }

        [DataRow(25, 0.75)]
        [DataRow(50, 0.5)]
        [DataRow(75, 0.25)]
        [DataRow(-20, 1.0)]
        [DataRow(120, 0.0)]
        public void PinHighFractionIsTheInverseOfTheLoadDuty(int percent, double expected)
        {
            Assert.AreEqual(expected, LoadDuty.ToPinHighFraction(percent));
        }
    }
}
