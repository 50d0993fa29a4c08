namespace DcMonitor.FirmwareCompliance
{
    /// <summary>One construct nanoFramework 1.x would reject, with where it is and which rule caught it.</summary>
    /// <param name="Rule">Rule id: NF1xxx for source rules, NF2xxx for assembly rules.</param>
    /// <param name="Location">"file(line,col)" for source rules, the metadata entity for assembly rules.</param>
    /// <param name="Message">What is wrong and what to use instead.</param>
    public sealed record Violation(string Rule, string Location, string Message)
    {
        /// <summary>MSBuild's canonical error format, so a build shows the violation as an error.</summary>
        public override string ToString() => Location + ": error " + Rule + ": " + Message;
    }
}
