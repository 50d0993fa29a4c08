namespace DcMonitor.Shared.Gatt
{
    /// <summary>What a <c>gatt</c> console line asks for (<see cref="GattConsoleCommand"/>).</summary>
    public enum GattConsoleCommandKind
    {
        /// <summary>Not a valid <c>gatt</c> line: <see cref="GattConsoleCommand.Error"/> says why.</summary>
        Invalid = 0,

        /// <summary><c>gatt</c>: the mode, whether the pairing window is open and how many bonds are kept.</summary>
        Status = 1,

        /// <summary><c>gatt pair</c>: opens the pairing window for <see cref="GattConsoleCommand.PairingWindowMilliseconds"/>.</summary>
        Pair = 2,

        /// <summary><c>gatt list</c>: the bonded centrals.</summary>
        List = 3,

        /// <summary><c>gatt forget &lt;address&gt;</c> or <c>gatt forget all</c>.</summary>
        Forget = 4,

        /// <summary><c>gatt mode &lt;bonded|passkey|open&gt;</c>.</summary>
        Mode = 5,
    }
}
