namespace DcMonitor.Shared
{
    /// <summary>
    /// The firmware version, the single source of truth for every image (UniversalNode, RelayNode, Provisioner): each
    /// prints <see cref="Banner"/> at boot, the consoles answer <c>version</c> with it, and the UniversalNode reports
    /// <see cref="Number"/> to Home Assistant (the device's <c>sw</c>). Every <c>Properties/AssemblyInfo.cs</c> carries
    /// the same number as <c>AssemblyVersion("major.minor.patch.0")</c> (a host test holds them together), and
    /// CHANGELOG.md has a section for it. Change the version here, in the AssemblyInfo files and in the changelog together.
    /// </summary>
    public static class FirmwareVersion
    {
        /// <summary>The version, <c>major.minor.patch</c> (semantic versioning).</summary>
        public const string Number = "0.7.0";

        /// <summary>The product name every image's banner starts with.</summary>
        public const string Product = "DC-Monitor";

        /// <summary>The line naming an image and its version, e.g. <c>DC-Monitor universal node 0.7.0</c>.</summary>
        /// <param name="image">The image's name as the console shows it, e.g. <c>universal node</c>.</param>
        /// <returns><see cref="Product"/>, the image's name and <see cref="Number"/>, separated by blanks.</returns>
        public static string Banner(string image)
        {
            return Product + " " + image + " " + Number;
        }
    }
}
