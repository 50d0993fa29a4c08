namespace DcMonitor.Shared.Terminal
{
    /// <summary>What a console line did to a certificate paste (<see cref="PemPaste.Offer"/>).</summary>
    public enum PemPasteStatus
    {
        /// <summary>The line belongs to the paste; more lines are expected.</summary>
        Continues,

        /// <summary>The line ended the paste (<c>-----END CERTIFICATE-----</c>): <see cref="PemPaste.Text"/> holds the certificate.</summary>
        Complete,

        /// <summary>The user typed <c>abort</c>: the paste is dropped, nothing changes.</summary>
        Aborted,

        /// <summary>The paste grew past <see cref="PemPaste.MaximumCharacters"/>: it is dropped.</summary>
        TooLong,

        /// <summary>No line came for <see cref="PemPaste.IdleTimeoutMilliseconds"/>: the paste was dropped and this line is a command again.</summary>
        TimedOut,

        /// <summary>The line cannot be part of a PEM certificate: the paste is dropped and this line is a command again.</summary>
        NotPem,
    }
}
