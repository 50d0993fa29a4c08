using System.CommandLine;
using System.CommandLine.Invocation;
using DcMonitor.Shared;

namespace DcMonitor.Emulator
{
    /// <summary>
    /// <c>--version</c> of the emulator: prints <see cref="FirmwareVersion.Number"/>, the one version of every image (the
    /// emulator runs the same sources), instead of System.CommandLine's default, the emulator assembly's version.
    /// </summary>
    public sealed class FirmwareVersionAction : SynchronousCommandLineAction
    {
        /// <summary>Writes the version to the invocation's output; returns exit code 0.</summary>
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(FirmwareVersion.Number);
            return 0;
        }
    }
}
