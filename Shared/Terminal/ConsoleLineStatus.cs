namespace DcMonitor.Shared.Terminal
{
    /// <summary>What <see cref="ConsoleLineAssembler.Push"/> made of one received character.</summary>
    public enum ConsoleLineStatus
    {
        /// <summary>The character was stored (or was a line end on an empty line, which is ignored).</summary>
        Pending,

        /// <summary>A line ended; it is in <see cref="ConsoleLineAssembler.Line"/>.</summary>
        Complete,

        /// <summary>A line ended that was longer than <see cref="ConsoleLineAssembler.MaximumLineLength"/>; it was discarded whole.</summary>
        TooLong,
    }
}
