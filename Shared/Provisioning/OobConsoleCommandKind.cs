namespace DcMonitor.Shared.Provisioning
{
    /// <summary>What an <c>oob</c> console line asks for (<see cref="OobConsoleCommand"/>).</summary>
    public enum OobConsoleCommandKind
    {
        /// <summary><c>oob</c>: whether static OOB is on (never the secret).</summary>
        Status,

        /// <summary><c>oob &lt;hex&gt;</c>: keep a new secret.</summary>
        Set,

        /// <summary><c>oob off</c>: forget the secret (No OOB).</summary>
        Off,

        /// <summary>Anything else starting with <c>oob</c>; <see cref="OobConsoleCommand.Error"/> says why.</summary>
        Invalid,
    }
}
