using DcMonitor.Shared.Uplink;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// Only the configured command topics carry commands (issue 17 part 4): <c>&lt;prefix&gt;/&lt;id&gt;/command</c> and
    /// <c>&lt;prefix&gt;/&lt;id&gt;/duty/set</c> with the prefix of the current settings; every other topic is refused with
    /// <c>ERROR:NOT_A_COMMAND_TOPIC:&lt;topic&gt;</c>, answered on the node's reply topic when the topic names one (never on the reply
    /// topic itself), otherwise only logged.
    /// </summary>
    [TestClass]
    public class MqttCommandTopicTests
    {
        [DataRow("dcmonitor", "dcmonitor/dcmonitor_ab/command", "dcmonitor_ab", false)]
        [DataRow("dcmonitor", "dcmonitor/dcmonitor_ab/duty/set", "dcmonitor_ab", true)]
        [DataRow("home/dc", "home/dc/dcmonitor_01/duty/set", "dcmonitor_01", true)]
        public void CommandTopicsOfTheConfiguredPrefixPass(string prefix, string topic, string objectId, bool duty)
        {
            var classifier = new MqttCommandTopic();
            Assert.IsTrue(classifier.Classify(prefix, topic));
            Assert.IsNull(classifier.Error);
            Assert.AreEqual(objectId, classifier.ObjectId);
            Assert.AreEqual(duty, classifier.IsDuty);
            Assert.AreEqual(prefix + "/" + objectId + "/reply", classifier.ReplyTopic);
        }

        // reply: the expected reply topic, "" for none (logged only)
        [DataRow("dcmonitor", "other/dcmonitor_ab/command", "")]
        [DataRow("dcmonitor", "dcmonitorx/dcmonitor_ab/command", "")]
        [DataRow("dcmonitor", "dcmonitor/command", "")]
        [DataRow("dcmonitor", "dcmonitor//command", "")]
        [DataRow("dcmonitor", "dcmonitor/dcmonitor_ab/reply", "")]
        [DataRow("dcmonitor", "dcmonitor/dcmonitor_ab/state", "dcmonitor/dcmonitor_ab/reply")]
        [DataRow("dcmonitor", "dcmonitor/dcmonitor_ab/duty", "dcmonitor/dcmonitor_ab/reply")]
        [DataRow("dcmonitor", "dcmonitor/dcmonitor_ab/x/command", "dcmonitor/dcmonitor_ab/reply")]
        [DataRow("dcmonitor", "dcmonitor/dcmonitor_ab/command/", "dcmonitor/dcmonitor_ab/reply")]
        [DataRow("dcmonitor", "dcmonitor/+/command", "")]
        [DataRow("dcmonitor", "", "")]
        [DataRow("", "dcmonitor/dcmonitor_ab/command", "")]
        public void OtherTopicsAreRefusedAndAnsweredOnlyWhereSafe(string prefix, string topic, string reply)
        {
            var classifier = new MqttCommandTopic();
            Assert.IsFalse(classifier.Classify(prefix, topic));
            Assert.AreEqual("ERROR:NOT_A_COMMAND_TOPIC:" + topic, classifier.Error);
            Assert.AreEqual(reply.Length == 0 ? null : reply, classifier.ReplyTopic);
        }

        [TestMethod]
        public void ANullTopicIsRefusedWithoutThrowing()
        {
            var classifier = new MqttCommandTopic();
            Assert.IsFalse(classifier.Classify("dcmonitor", null));
            Assert.AreEqual("ERROR:NOT_A_COMMAND_TOPIC:", classifier.Error);
            Assert.IsNull(classifier.ObjectId);
            Assert.IsNull(classifier.ReplyTopic);
        }

        [TestMethod]
        public void ARefusalForgetsTheCommandTopicClassifiedBefore()
        {
            var classifier = new MqttCommandTopic();
            Assert.IsTrue(classifier.Classify("dcmonitor", "dcmonitor/dcmonitor_ab/duty/set"));
            Assert.IsFalse(classifier.Classify("dcmonitor", "other/dcmonitor_ab/duty/set"));
            Assert.IsFalse(classifier.IsDuty);
            Assert.IsNull(classifier.ObjectId);
        }
    }
}
