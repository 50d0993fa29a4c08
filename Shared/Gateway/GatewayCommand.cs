namespace DcMonitor.Shared.Gateway
{
    /// <summary>
    /// A Pi command after <see cref="GatewayCommandParser"/>: either an error reply to notify (and nothing
    /// else to do), or a target and an action. Immutable.
    /// </summary>
    public sealed class GatewayCommand
    {
        internal GatewayCommand(string error)
            : this(error, null)
        {
        }

        internal GatewayCommand(string error, string word)
        {
            Error = error;
            Word = word;
        }

        internal GatewayCommand(bool isAll, int nodeId, string word, GatewayAction action, int dutyPercent, string nodeCommandText)
        {
            IsAll = isAll;
            NodeId = nodeId;
            Word = word;
            Action = action;
            DutyPercent = dutyPercent;
            NodeCommandText = nodeCommandText;
        }

        /// <summary>The error to notify when the command is rejected, else null.</summary>
        public string Error { get; }

        /// <summary>True for <c>ALL</c>.</summary>
        public bool IsAll { get; }

        /// <summary>Target node id 0–249 (meaningless for ALL).</summary>
        public int NodeId { get; }

        /// <summary>
        /// The command word as received (echoed in <c>SENT:&lt;word&gt;</c> and in errors); also set for errors found
        /// after the word was read (unknown word, bad DUTY value), null for errors before it.
        /// </summary>
        public string Word { get; }

        /// <summary>What is asked.</summary>
        public GatewayAction Action { get; }

        /// <summary>For <see cref="GatewayAction.Duty"/>: the value, clamped to 0–100.</summary>
        public int DutyPercent { get; }

        /// <summary>The node command text this maps to (seed §2.3): <c>read</c>, <c>duty:&lt;n&gt;</c>, <c>r</c>, <c>s</c>; null for MONITOR.</summary>
        public string NodeCommandText { get; }
    }
}
