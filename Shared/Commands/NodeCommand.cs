namespace DcMonitor.Shared.Commands
{
    /// <summary>A parsed line of node command text (seed protocol §2.5). Immutable.</summary>
    public sealed class NodeCommand
    {
        /// <summary>Creates a command.</summary>
        public NodeCommand(NodeCommandKind kind, int dutyPercent, string text)
        {
            Kind = kind;
            DutyPercent = dutyPercent;
            Text = text;
        }

        /// <summary>What is asked.</summary>
        public NodeCommandKind Kind { get; }

        /// <summary>For <see cref="NodeCommandKind.SetDuty"/>: the requested duty, already clamped to 0–100; else 0.</summary>
        public int DutyPercent { get; }

        /// <summary>The text as received (for <see cref="NodeCommandKind.InvalidDutyValue"/>: the value after <c>duty:</c>).</summary>
        public string Text { get; }

        /// <summary>True when the command changes the duty (cancels a running ramp).</summary>
        public bool ChangesDuty => KindChangesDuty(Kind);

        /// <summary>True for the kinds that change the duty (<see cref="NodeCommandKind.Stop"/>, <see cref="NodeCommandKind.Ramp"/>, <see cref="NodeCommandKind.SetDuty"/>).</summary>
        public static bool KindChangesDuty(NodeCommandKind kind)
        {
            return kind == NodeCommandKind.Stop || kind == NodeCommandKind.Ramp || kind == NodeCommandKind.SetDuty;
        }
    }
}
