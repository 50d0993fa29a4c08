namespace DcMonitor.Shared.Battery
{
    /// <summary>What a <c>bm6</c> console line asks for (<see cref="BatteryConsoleCommand"/>).</summary>
    public enum BatteryConsoleCommandKind
    {
        /// <summary>Not a valid <c>bm6</c> line: <see cref="BatteryConsoleCommand.Error"/> says why.</summary>
        Invalid = 0,

        /// <summary><c>bm6</c>: the monitor, the period, the last reading and its age, the last failure.</summary>
        Status = 1,

        /// <summary><c>bm6 scan</c>: list the monitors in range.</summary>
        Scan = 2,

        /// <summary><c>bm6 use &lt;AA:BB:CC:DD:EE:FF&gt; [random] [bm6|bm7]</c>: read that monitor (with that variant's key) from now on (kept in flash).</summary>
        Use = 3,

        /// <summary><c>bm6 off</c>: forget the monitor (kept in flash).</summary>
        Off = 4,

        /// <summary><c>bm6 read</c>: read now and print the result.</summary>
        Read = 5,

        /// <summary><c>bm6 interval &lt;seconds&gt;</c>: the read period (kept in flash).</summary>
        Interval = 6,
    }
}
