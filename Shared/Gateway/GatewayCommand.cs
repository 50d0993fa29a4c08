using DcMonitor.Shared.Commands;

namespace DcMonitor.Shared.Gateway
{
    /// <summary>
    /// A Pi command after <see cref="GatewayCommandParser"/>: either an error reply to notify (and nothing else to do), or a
    /// target and an action. It keeps its own copy of the command's bytes, so the word and an error's detail are read from
    /// them without strings: the gateway reuses a few of these objects, one per queue place, and parsing, the <c>SENT:</c>
    /// reply and an error reply allocate nothing (issue 16). The string properties build their text when read (for tests,
    /// diagnostics and rare paths). Changed only by the parser.
    /// </summary>
    public sealed class GatewayCommand
    {
        private readonly byte[] _text;
        private string _errorPrefix;
        private int _detailStart;
        private int _detailLength;
        private int _wordStart;
        private int _wordLength;

        /// <summary>Creates an empty command holding up to <paramref name="capacityBytes"/> bytes of command text.</summary>
        internal GatewayCommand(int capacityBytes)
        {
            _text = new byte[capacityBytes];
        }

        /// <summary>The command's bytes, copied by the parser.</summary>
        internal byte[] Text => _text;

        /// <summary>The error to notify when the command is rejected, else null.</summary>
        public string Error => _errorPrefix == null ? null : _errorPrefix + TextOf(_detailStart, _detailLength);

        /// <summary>True when the command is rejected (<see cref="Error"/> is set).</summary>
        public bool IsRejected => _errorPrefix != null;

        /// <summary>True for <c>ALL</c>.</summary>
        public bool IsAll { get; private set; }

        /// <summary>Target node id 0–249 (meaningless for ALL).</summary>
        public int NodeId { get; private set; }

        /// <summary>
        /// The command word as received (echoed in <c>SENT:&lt;word&gt;</c> and in errors); also set for errors found
        /// after the word was read (unknown word, bad DUTY value), null for errors before it.
        /// </summary>
        public string Word => HasWord ? TextOf(_wordStart, _wordLength) : null;

        /// <summary>True when <see cref="Word"/> is set.</summary>
        public bool HasWord => _wordLength > 0;

        /// <summary>What is asked.</summary>
        public GatewayAction Action { get; private set; }

        /// <summary>For <see cref="GatewayAction.Duty"/>: the value, clamped to 0–100.</summary>
        public int DutyPercent { get; private set; }

        /// <summary>
        /// The node command this maps to (seed §2.3): <see cref="NodeCommandKind.Read"/>, <see cref="NodeCommandKind.SetDuty"/>
        /// (<see cref="DutyPercent"/>), <see cref="NodeCommandKind.Ramp"/>, <see cref="NodeCommandKind.Stop"/>, <see cref="NodeCommandKind.Battery"/>;
        /// <see cref="NodeCommandKind.Unknown"/> for MONITOR and rejected commands.
        /// </summary>
        public NodeCommandKind NodeKind
        {
            get
            {
                if (IsRejected)
                {
                    return NodeCommandKind.Unknown;
                }

                switch (Action)
                {
                    case GatewayAction.Read:
                        return NodeCommandKind.Read;
                    case GatewayAction.Duty:
                        return NodeCommandKind.SetDuty;
                    case GatewayAction.Ramp:
                        return NodeCommandKind.Ramp;
                    case GatewayAction.Stop:
                        return NodeCommandKind.Stop;
                    case GatewayAction.Battery:
                        return NodeCommandKind.Battery;
                    default:
                        return NodeCommandKind.Unknown;
                }
            }
        }

        /// <summary>The node command text this maps to (seed §2.3): <c>read</c>, <c>duty:&lt;n&gt;</c>, <c>r</c>, <c>s</c>; null for MONITOR.</summary>
        public string NodeCommandText => DcMonitor.Shared.Commands.NodeCommandText.Of(NodeKind, DutyPercent);

        /// <summary>Appends the error reply (<see cref="Error"/>) to <paramref name="destination"/>, allocating nothing.</summary>
        public void WriteError(ReplyWriter destination)
        {
            destination.Append(_errorPrefix);
            destination.Append(_text, _detailStart, _detailLength);
        }

        /// <summary>Appends the word as received (<see cref="Word"/>) to <paramref name="destination"/>, allocating nothing.</summary>
        public void WriteWord(ReplyWriter destination)
        {
            destination.Append(_text, _wordStart, _wordLength);
        }

        /// <summary>True when the word is <paramref name="upperCaseWord"/> in any case.</summary>
        public bool WordIs(string upperCaseWord)
        {
            return GatewayCommandParser.EqualsIgnoringCase(_text, _wordStart, _wordLength, upperCaseWord);
        }

        /// <summary>Makes this command a copy of <paramref name="other"/> (whose text fits this one's capacity).</summary>
        internal void CopyFrom(GatewayCommand other)
        {
            System.Array.Copy(other._text, 0, _text, 0, other._text.Length < _text.Length ? other._text.Length : _text.Length);
            _errorPrefix = other._errorPrefix;
            _detailStart = other._detailStart;
            _detailLength = other._detailLength;
            _wordStart = other._wordStart;
            _wordLength = other._wordLength;
            IsAll = other.IsAll;
            NodeId = other.NodeId;
            Action = other.Action;
            DutyPercent = other.DutyPercent;
        }

        /// <summary>Forgets the previous command.</summary>
        internal void Clear()
        {
            _errorPrefix = null;
            _detailStart = 0;
            _detailLength = 0;
            _wordStart = 0;
            _wordLength = 0;
            IsAll = false;
            NodeId = 0;
            Action = GatewayAction.Read;
            DutyPercent = 0;
        }

        /// <summary>Rejects the command with <paramref name="error"/>.</summary>
        internal void Reject(string error)
        {
            _errorPrefix = error;
        }

        /// <summary>Rejects the command with <paramref name="errorPrefix"/> followed by <paramref name="length"/> bytes of its text from <paramref name="start"/>.</summary>
        internal void Reject(string errorPrefix, int start, int length)
        {
            _errorPrefix = errorPrefix;
            _detailStart = start;
            _detailLength = length;
        }

        /// <summary>Records where the word is in the text.</summary>
        internal void SetWord(int start, int length)
        {
            _wordStart = start;
            _wordLength = length;
        }

        /// <summary>Records an accepted command.</summary>
        internal void Accept(bool isAll, int nodeId, GatewayAction action, int dutyPercent)
        {
            IsAll = isAll;
            NodeId = nodeId;
            Action = action;
            DutyPercent = dutyPercent;
        }

        private string TextOf(int start, int length)
        {
            char[] characters = new char[length];
            for (int i = 0; i < length; i++)
            {
                characters[i] = (char)_text[start + i];
            }

            return new string(characters, 0, length);
        }
    }
}
