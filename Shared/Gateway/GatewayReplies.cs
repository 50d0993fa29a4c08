using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Mesh;

namespace DcMonitor.Shared.Gateway
{
    /// <summary>
    /// Every message the gateway node notifies on DC02 (seed protocol §2.6), byte for byte, plus the new
    /// errors of seed §9's fixes. Every new string starts with <c>ERROR:</c>, which the Pi logs as a message
    /// and never parses as data (only <c>NODE&lt;n&gt;:DATA:D:&lt;digits&gt;%…</c> is data, seed §2.7), and none
    /// starts with <c>+</c>, the chunk-continuation mark (seed §3).
    /// </summary>
    public static class GatewayReplies
    {
        /// <summary>Seed §2.6 (seed sent the truncated <c>ERROR:NO_NODE_I</c>, B1): empty command.</summary>
        public const string NoNodeId = "ERROR:NO_NODE_ID";

        /// <summary>Seed §2.6: target not ALL and not a valid node id.</summary>
        public const string InvalidNode = "ERROR:INVALID_NODE";

        /// <summary>Seed §2.6: no command word.</summary>
        public const string NoCommand = "ERROR:NO_COMMAND";

        /// <summary>Seed §2.6: prefix of the unknown-word error; the word follows as received.</summary>
        public const string UnknownCommandPrefix = "ERROR:UNKNOWN_CMD:";

        /// <summary>Seed §2.6: MONITOR while the vendor client is not bound.</summary>
        public const string NotReady = "ERROR:NOT_READY";

        /// <summary>Seed §2.6: the mesh refused or failed a send (also every send the seed wrongly reported as SENT:, B8).</summary>
        public const string MeshSendFail = "ERROR:MESH_SEND_FAIL";

        /// <summary>Seed §2.6: no STATUS within 5 s for a unicast SEND (not while monitoring).</summary>
        public const string MeshTimeout = "ERROR:MESH_TIMEOUT";

        /// <summary>Seed §2.6: MONITOR accepted (always upper case).</summary>
        public const string SentMonitor = "SENT:MONITOR";

        /// <summary>Seed §2.6: fallback path used for OFF/STOP.</summary>
        public const string SentOffFallback = "SENT:OFF(fallback)";

        /// <summary>Seed §2.6: fallback path used for ON.</summary>
        public const string SentOnFallback = "SENT:ON(fallback)";

        /// <summary>Seed §2.6: the provisioner bound this node's vendor client.</summary>
        public const string MeshReadyVendor = "MESH_READY:VENDOR";

        /// <summary>Seed §2.6: GAP connect through the node's own advert.</summary>
        public const string GatewayConnected = "GATEWAY_CONNECTED";

        /// <summary>Seed §1.8: value of a DC02 read before anything was notified.</summary>
        public const string NodeReady = "NODE_READY";

        /// <summary>New (seed B22): a write longer than <see cref="GatewayCommandParser.MaximumCommandBytes"/>; nothing is done.</summary>
        public const string CommandTooLong = "ERROR:COMMAND_TOO_LONG";

        /// <summary>New (seed B4): a write that is not printable ASCII text (control characters, bytes ≥ 0x7F, invalid UTF-8).</summary>
        public const string InvalidText = "ERROR:INVALID_TEXT";

        /// <summary>New (seed B3): prefix of a DUTY value that is not an integer; the value follows as received.</summary>
        public const string InvalidValuePrefix = "ERROR:INVALID_VALUE:";

        /// <summary>New (seed B3): DUTY without a value (the seed silently used 50).</summary>
        public const string NoValue = "ERROR:NO_VALUE";

        /// <summary>
        /// New (seed B13): prefix of the error for a node reply too long to forward; the node id follows
        /// (e.g. <c>ERROR:REPLY_TOO_LONG:3</c>). The seed dropped such replies silently.
        /// </summary>
        public const string ReplyTooLongPrefix = "ERROR:REPLY_TOO_LONG:";

        /// <summary>New: more Pi commands waiting than the gateway holds (16); the command is not run.</summary>
        public const string Busy = "ERROR:BUSY";

        /// <summary>Longest message the gateway notifies, bytes (seed §1.9: a 128-byte buffer held 127).</summary>
        public const int MaximumMessageBytes = 127;

        /// <summary>Start of every message about a node: <c>NODE</c>, then the node id.</summary>
        public const string NodePrefix = "NODE";

        /// <summary>What follows the node id in a data message, before the node's reply.</summary>
        public const string DataInfix = ":DATA:";

        /// <summary>Start of an accepted command's reply; the word follows as received.</summary>
        public const string SentPrefix = "SENT:";

        /// <summary><c>NODE&lt;id&gt;:DATA:&lt;payload&gt;</c> (seed §2.6).</summary>
        public static string NodeData(int nodeId, string payload)
        {
            return NodePrefix + nodeId.ToString() + DataInfix + payload;
        }

        /// <summary>Appends <c>NODE&lt;id&gt;:DATA:</c> to <paramref name="destination"/>: what <see cref="NodeData"/> puts before the payload.</summary>
        public static void WriteNodeDataPrefix(int nodeId, ReplyWriter destination)
        {
            destination.Append(NodePrefix);
            destination.AppendInteger(nodeId);
            destination.Append(DataInfix);
        }

        /// <summary><c>SENT:&lt;word&gt;</c>, the word as received (seed §2.6).</summary>
        public static string Sent(string word)
        {
            return SentPrefix + word;
        }

        /// <summary><c>ERROR:UNKNOWN_CMD:&lt;word&gt;</c>.</summary>
        public static string UnknownCommand(string word)
        {
            return UnknownCommandPrefix + word;
        }

        /// <summary><c>ERROR:INVALID_VALUE:&lt;value&gt;</c>.</summary>
        public static string InvalidValue(string value)
        {
            return InvalidValuePrefix + value;
        }

        /// <summary><c>ERROR:REPLY_TOO_LONG:&lt;id&gt;</c>.</summary>
        public static string ReplyTooLong(int nodeId)
        {
            return ReplyTooLongPrefix + nodeId.ToString();
        }

        /// <summary><c>NODE&lt;id&gt;:ACK:&lt;0|1&gt;</c>: Generic OnOff Status for a fallback Set (seed §2.6).</summary>
        public static string OnOffAcknowledged(int nodeId, bool on)
        {
            return "NODE" + nodeId.ToString() + (on ? ":ACK:1" : ":ACK:0");
        }

        /// <summary><c>NODE&lt;id&gt;:ONOFF:&lt;0|1&gt;</c>: Generic OnOff Status for a Get (seed §2.6).</summary>
        public static string OnOffState(int nodeId, bool on)
        {
            return "NODE" + nodeId.ToString() + (on ? ":ONOFF:1" : ":ONOFF:0");
        }

        /// <summary><c>TIMEOUT:0x&lt;hhhh&gt;</c>, four lower-case hex digits (seed §2.6, e.g. <c>TIMEOUT:0x0006</c>).</summary>
        public static string OnOffTimeout(int address)
        {
            return "TIMEOUT:0x" + (address & 0xFFFF).ToString("x4");
        }

        /// <summary>True when a node id fits the Pi's <c>NODE&lt;digits&gt;</c> (any valid id, seed §2.7).</summary>
        public static bool IsReportableNode(int nodeId)
        {
            return NodeAddressing.IsNodeId(nodeId);
        }
    }
}
