using DcMonitor.Shared.Commands;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>Strict whole-string integer parsing (seed protocol §2.5 syntax, §9 B2/B3 strictness).</summary>
    [TestClass]
    public class IntegerTextTests
    {
        [DataRow("0", 0)]
        [DataRow("42", 42)]
        [DataRow("-42", -42)]
        [DataRow("+42", 42)]
        [DataRow("  42", 42)]
        [DataRow("\r\n\t\v\f 9", 9)]
        [DataRow("007", 7)]
        [DataRow("2147483647", 2147483647)]
        [DataRow("-2147483648", -2147483648)]
        [DataRow("2147483648", 2147483647)]
        [DataRow("-99999999999999999999", -2147483648)]
        public void AcceptsIntegers(string text, int expected)
        {
            int value;
            Assert.IsTrue(IntegerText.TryParse(text, out value));
            Assert.AreEqual(expected, value);
        }

        [DataRow("")]
        [DataRow(" ")]
        [DataRow("-")]
        [DataRow("+-1")]
        [DataRow("1 ")]
        [DataRow("1a")]
        [DataRow("a1")]
        [DataRow("1.0")]
        [DataRow("0x10")]
        [DataRow("١")]
        public void RejectsEverythingElse(string text)
        {
            int value;
            Assert.IsFalse(IntegerText.TryParse(text, out value));
            Assert.AreEqual(0, value);
        }

        [TestMethod]
        public void ParsesFromAnOffset()
        {
            int value;
            Assert.IsTrue(IntegerText.TryParse("duty:35", 5, out value));
            Assert.AreEqual(35, value);
            Assert.IsFalse(IntegerText.TryParse("duty:", 5, out value));
            Assert.IsFalse(IntegerText.TryParse(null, out value));
        }
    }
}
