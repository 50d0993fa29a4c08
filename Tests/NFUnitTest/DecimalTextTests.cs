using System;
using DcMonitor.Shared.Commands;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// Fixed-point decimal text without floating point (the node's reply text and the MQTT state JSON): <c>scaled / 10^decimals</c>
    /// with exactly <c>decimals</c> digits after the point, a leading zero before it, a minus sign only for negative values.
    /// </summary>
    [TestClass]
    public class DecimalTextTests
    {
        [DataRow(0, 0, "0")]
        [DataRow(0, 3, "0.000")]
        [DataRow(5, 3, "0.005")]
        [DataRow(-5, 3, "-0.005")]
        [DataRow(999, 3, "0.999")]
        [DataRow(1000, 3, "1.000")]
        [DataRow(12001, 3, "12.001")]
        [DataRow(-12001, 3, "-12.001")]
        [DataRow(10, 1, "1.0")]
        [DataRow(-1, 1, "-0.1")]
        [DataRow(7, 0, "7")]
        [DataRow(-7, 0, "-7")]
        [DataRow(100, 0, "100")]
        [DataRow(2147483647, 3, "2147483.647")]
        [DataRow(-2147483648, 2, "-21474836.48")]
        public void FormatsExactDigits(int scaled, int decimals, string expected)
        {
            Assert.AreEqual(expected, DecimalText.Format(scaled, decimals));
        }

        [TestMethod]
        public void TheLongestValuesFitTheDocumentedMaximum()
        {
            Assert.AreEqual("9223372036854775807", DecimalText.Format(long.MaxValue, 0));
            Assert.AreEqual("9223372036.854775807", DecimalText.Format(long.MaxValue, 9));
            Assert.AreEqual("-922337203685477580.7", DecimalText.Format(-9223372036854775807, 1));
            Assert.AreEqual(DecimalText.MaximumLength, DecimalText.Format(-9223372036854775807, 1).Length, "sign, 19 digits and the point");
        }

        [TestMethod]
        public void TheMostNegativeLongHasItsDigitsToo()
        {
            Assert.AreEqual("-9223372036854775808", DecimalText.Format(long.MinValue, 0));
            Assert.AreEqual("-9223372036854775.808", DecimalText.Format(long.MinValue, 3));
        }

        [TestMethod]
        public void WriteFillsOnlyItsPartOfTheBufferAndCountsIt()
        {
            char[] buffer = new char[DecimalText.MaximumLength + 4];
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = '#';
            }

            int written = DecimalText.Write(buffer, 2, 4294967295, 3);
            Assert.AreEqual(11, written);
            Assert.AreEqual("##4294967.295#", new string(buffer, 0, 14));
            Assert.AreEqual(1, DecimalText.Write(buffer, 0, 0, 0));
            Assert.AreEqual('0', buffer[0]);
            Assert.ThrowsException(typeof(IndexOutOfRangeException), delegate { DecimalText.Write(new char[3], 0, 12345, 0); });
        }
    }
}
