using DcMonitor.Shared.Commands;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>Error replies: the seed's spelling where it has one (§2.5), the new ones documented in NodeReplies.</summary>
    [TestClass]
    public class NodeRepliesTests
    {
        [TestMethod]
        public void UnknownKeepsTheSeedSpelling()
        {
            Assert.AreEqual("ERR:UNKNOWN:hello", NodeReplies.Unknown("hello"));
            Assert.AreEqual("ERR:UNKNOWN:", NodeReplies.Unknown(string.Empty));
        }

        [TestMethod]
        public void InvalidValueNamesTheValue()
        {
            Assert.AreEqual("ERR:INVALID_VALUE:abc", NodeReplies.InvalidValue("abc"));
        }

        [TestMethod]
        public void SensorErrorsCarryTheAppliedDuty()
        {
            Assert.AreEqual("ERR:SENSOR_ABSENT,D:50%", NodeReplies.SensorAbsent(50));
            Assert.AreEqual("ERR:SENSOR_FAULT,D:0%", NodeReplies.SensorFault(0));
        }

        [TestMethod]
        public void NoErrorStartsLikeASensorPayload()
        {
            // The Pi parses a payload as data only when it starts with "D:<digits>%" (seed §2.7).
            Assert.IsFalse(NodeReplies.SensorAbsent(50).StartsWith("D:"));
            Assert.IsFalse(NodeReplies.SensorFault(50).StartsWith("D:"));
            Assert.IsFalse(NodeReplies.RampCancelled.StartsWith("D:"));
            Assert.IsFalse(NodeReplies.InvalidValue("5").StartsWith("D:"));
        }
    }
}
