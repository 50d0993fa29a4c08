using System.CommandLine;
using System.IO;
using DcMonitor.Emulator;
using Xunit;

namespace DcMonitor.Tests.Demo
{
    /// <summary>The emulator's command line: <c>--help</c> on the root and on every verb exits 0 and explains it; <c>--version</c> is the firmware's.</summary>
    public class EmulatorCommandLineTests
    {
        [Fact]
        public void HelpOnTheRootListsEveryVerbAndExitsZero()
        {
            (int exit, string output, string status) = Run("--help");
            Assert.Equal(0, exit);
            Assert.Equal(string.Empty, status);
            foreach (Command verb in EmulatorCommandLine.Build(TextReader.Null, TextWriter.Null, TextWriter.Null).Subcommands)
            {
                Assert.Contains(verb.Name, output);
            }
        }

        [Fact]
        public void HelpOnEveryVerbExitsZeroWithItsUsageAndOptions()
        {
            RootCommand root = EmulatorCommandLine.Build(TextReader.Null, TextWriter.Null, TextWriter.Null);
            Assert.NotEmpty(root.Subcommands);
            foreach (Command verb in root.Subcommands)
            {
                foreach (string help in new[] { "--help", "-h" })
                {
                    (int exit, string output, string status) = Run(verb.Name, help);
                    Assert.True(exit == 0, verb.Name + " " + help + " exited " + exit + ": " + status);
                    Assert.Contains("Usage:", output);
                    Assert.Contains(verb.Name + " [options]", output);
                    foreach (Option option in verb.Options)
                    {
                        Assert.Contains(option.Name, output);
                    }
                }
            }
        }

        [Fact]
        public void DemoHelpNamesTheSingleNodeAndCommandsOptions()
        {
            (int exit, string output, _) = Run("demo", "--help");
            Assert.Equal(0, exit);
            Assert.Contains("--single-node", output);
            Assert.Contains("--commands", output);
        }

        [Fact]
        public void VersionIsTheFirmwareVersion()
        {
            (int exit, string output, string status) = Run("--version");
            Assert.Equal(0, exit);
            Assert.Equal(string.Empty, status);
            Assert.Equal(DcMonitor.Shared.FirmwareVersion.Number, output.Trim());
        }

        [Fact]
        public void AnUnknownVerbExitsTwoWithTheReason()
        {
            (int exit, _, string status) = Run("bogus");
            Assert.Equal(2, exit);
            Assert.Contains("'bogus'", status);
        }

        [Fact]
        public void NodesOutsideOneTo249ExitTwoWithTheRange()
        {
            (int exit, _, string status) = Run("demo", "--nodes", "250");
            Assert.Equal(2, exit);
            Assert.Contains("--nodes takes 1 to 249, not 250", status);
            (exit, _, status) = Run("demo", "--nodes", "0");
            Assert.Equal(2, exit);
            Assert.Contains("--nodes takes 1 to 249, not 0", status);
        }

        private static (int Exit, string Output, string Status) Run(params string[] args)
        {
            var output = new StringWriter();
            var status = new StringWriter();
            int exit = EmulatorCommandLine.Run(args, TextReader.Null, output, status);
            return (exit, output.ToString(), status.ToString());
        }
    }
}
