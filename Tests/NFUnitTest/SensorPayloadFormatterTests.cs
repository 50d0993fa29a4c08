using DcMonitor.Shared.Commands;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>The sensor payload of seed protocol §2.7, byte for byte.</summary>
    [TestClass]
    public class SensorPayloadFormatterTests
    {
        [TestMethod]
        public void SpecificationExample()
        {
            // 12.003 V × 250.00 mA = 3000.75 mW → 3000.8
            Assert.AreEqual("D:50%,V:12.003V,I:250.00mA,P:3000.8mW", new SensorPayloadFormatter().Format(50, 12003000, 250000));
        }

        [TestMethod]
        public void ZeroReading()
        {
            Assert.AreEqual("D:0%,V:0.000V,I:0.00mA,P:0.0mW", new SensorPayloadFormatter().Format(0, 0, 0));
        }

        [TestMethod]
        public void CurrentIsShownAsAbsoluteValueAndPowerNeverNegative()
        {
            // register 0xFCE0 = -1 A, bus 0x2580 = 12 V
            Assert.AreEqual("D:100%,V:12.000V,I:1000.00mA,P:12000.0mW", new SensorPayloadFormatter().Format(100, 12000000, -1000000));
        }

        [TestMethod]
        public void QuarterMilliampStepsOfTheCurrentLsb()
        {
            SensorPayloadFormatter formatter = new SensorPayloadFormatter();
            Assert.AreEqual("D:1%,V:0.001V,I:1.25mA,P:0.0mW", formatter.Format(1, 1250, 1250));
            Assert.AreEqual("D:1%,V:5.000V,I:2.50mA,P:12.5mW", formatter.Format(1, 5000000, 2500));
            Assert.AreEqual("D:1%,V:5.000V,I:3.75mA,P:18.8mW", formatter.Format(1, 5000000, 3750));
        }

        [TestMethod]
        public void VoltsRoundHalfUpToMillivolts()
        {
            SensorPayloadFormatter formatter = new SensorPayloadFormatter();
            Assert.AreEqual("D:0%,V:12.003V,I:0.00mA,P:0.0mW", formatter.Format(0, 12002500, 0)); // register 9602
            Assert.AreEqual("D:0%,V:12.004V,I:0.00mA,P:0.0mW", formatter.Format(0, 12003750, 0)); // register 9603
        }

        [TestMethod]
        public void LongestPayloadFitsTheDocumentedMaximum()
        {
            string longest = new SensorPayloadFormatter().Format(100, 81918750, -40960000);
            Assert.AreEqual("D:100%,V:81.919V,I:40960.00mA,P:3355392.0mW", longest);
            Assert.AreEqual(SensorPayloadFormatter.MaximumLength, longest.Length);
        }

        [TestMethod]
        public void OneFormatterIsReusable()
        {
            SensorPayloadFormatter formatter = new SensorPayloadFormatter();
            string first = formatter.Format(100, 81918750, 40958750);
            string second = formatter.Format(5, 1000, 10);
            Assert.AreEqual("D:5%,V:0.001V,I:0.01mA,P:0.0mW", second);
            Assert.AreNotEqual(first, second);
        }

        [TestMethod]
        public void DecimalTextWritesExactDigitsAndASign()
        {
            Assert.AreEqual("12.001", DecimalText.Format(12001, 3));
            Assert.AreEqual("-0.012", DecimalText.Format(-12, 3));
            Assert.AreEqual("0.000", DecimalText.Format(0, 3));
            Assert.AreEqual("7", DecimalText.Format(7, 0));
            Assert.AreEqual("4294967.295", DecimalText.Format(4294967295, 3));
            char[] buffer = new char[DecimalText.MaximumLength + 2];
            buffer[0] = 'x';
            Assert.AreEqual(5, DecimalText.Write(buffer, 1, -105, 1));
            Assert.AreEqual("x-10.5", new string(buffer, 0, 6));
        }
    }
}
