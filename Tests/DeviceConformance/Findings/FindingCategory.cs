namespace DcMonitor.DeviceConformance.Findings
{
    /// <summary>The four kinds of finding the summary line counts.</summary>
    public enum FindingCategory
    {
        /// <summary>
        /// A device project's references do not match what its sources use: a type whose real assembly is not
        /// referenced, a reference nothing needs, or a reference whose HintPath, packages.config entry or package
        /// version disagrees with the pinned packages.
        /// </summary>
        MissingReference,

        /// <summary>
        /// Firmware uses a type, member or overload the real library does not have with that signature, or a
        /// construct nanoCLR 1.x cannot run (generic definitions and instantiations, async, LINQ, Span&lt;T&gt;).
        /// </summary>
        UnknownApi,

        /// <summary>An option of the sdkconfig fragment that ESP-IDF v5.5.4 does not know.</summary>
        UnknownKconfig,

        /// <summary>A function the native code calls that nothing in the ESP-IDF build defines with this configuration.</summary>
        UnresolvedCall,
    }
}
