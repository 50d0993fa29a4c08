namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// Decides whether a message the bridge received came on one of its configured command topics (issue 17 part 4): only
    /// <c>&lt;prefix&gt;/&lt;object id&gt;/command</c> and <c>&lt;prefix&gt;/&lt;object id&gt;/duty/set</c>, with the topic prefix of the
    /// current settings, carry commands. Anything else (another prefix after a settings change, a deeper topic, a broker forwarding
    /// what the bridge never subscribed to) is refused with <c>ERROR:NOT_A_COMMAND_TOPIC:&lt;topic&gt;</c>, answered on
    /// <c>&lt;prefix&gt;/&lt;object id&gt;/reply</c> when the topic names a node under the prefix, otherwise only logged (there is no reply
    /// topic to answer on, and answering on a topic the bridge did not choose could feed a loop). One instance is reused by the
    /// bridge's worker thread; not thread-safe.
    /// </summary>
    public sealed class MqttCommandTopic
    {
        /// <summary>Last topic level of a node command (<c>read</c>, <c>duty:40</c>, …).</summary>
        public const string CommandLevel = "command";

        /// <summary>Last topic levels of a duty cycle (Home Assistant's number entity).</summary>
        public const string DutyLevels = "duty/set";

        /// <summary>Last topic level of the answers.</summary>
        public const string ReplyLevel = "reply";

        /// <summary>Error prefix of a message on a topic that carries no commands; the topic follows it.</summary>
        public const string NotACommandTopicError = MqttCommandParser.ErrorPrefix + "NOT_A_COMMAND_TOPIC:";

        /// <summary>Object id named by the last classified topic (<c>dcmonitor_&lt;UUID hex&gt;</c> for a node); null when none.</summary>
        public string ObjectId { get; private set; }

        /// <summary>True when the last classified topic is a duty topic (<c>…/duty/set</c>), false for <c>…/command</c>.</summary>
        public bool IsDuty { get; private set; }

        /// <summary>Where to answer the last classified message; null when it must only be logged.</summary>
        public string ReplyTopic { get; private set; }

        /// <summary>Refusal of the last classified topic (<see cref="NotACommandTopicError"/> and the topic); null when it is a command topic.</summary>
        public string Error { get; private set; }

        /// <summary>
        /// Classifies <paramref name="topic"/> against the configured <paramref name="prefix"/> (without its trailing slash): true for a
        /// command topic (<see cref="ObjectId"/>, <see cref="IsDuty"/>, <see cref="ReplyTopic"/> set); false with <see cref="Error"/> set
        /// otherwise. A null or empty topic or prefix is refused, never thrown on.
        /// </summary>
        public bool Classify(string prefix, string topic)
        {
            ObjectId = null;
            IsDuty = false;
            ReplyTopic = null;
            Error = NotACommandTopicError + (topic ?? string.Empty);
            if (prefix == null || prefix.Length == 0 || topic == null || !topic.StartsWith(prefix + "/"))
            {
                return false;
            }

            string rest = topic.Substring(prefix.Length + 1);
            int slash = rest.IndexOf('/');
            if (slash <= 0)
            {
                return false;
            }

            string objectId = rest.Substring(0, slash);
            string levels = rest.Substring(slash + 1);
            if (objectId.IndexOf('+') >= 0 || objectId.IndexOf('#') >= 0)
            {
                return false;
            }

            ObjectId = objectId;
            if (levels == CommandLevel || levels == DutyLevels)
            {
                IsDuty = levels == DutyLevels;
                ReplyTopic = prefix + "/" + objectId + "/" + ReplyLevel;
                Error = null;
                return true;
            }

            // A node's topic that carries no commands: answer on its reply topic, unless it is the reply topic itself.
            ReplyTopic = levels == ReplyLevel ? null : prefix + "/" + objectId + "/" + ReplyLevel;
            return false;
        }
    }
}
