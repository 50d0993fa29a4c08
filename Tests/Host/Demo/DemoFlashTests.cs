using System;
using System.IO;
using DcMonitor.Emulator.Demo;
using Xunit;

namespace DcMonitor.Tests.Demo
{
    /// <summary>
    /// Run after run: a demo starts from the documented state unless the user keeps its flash, keeps it only for the same
    /// layout, and two emulators never share one flash folder.
    /// </summary>
    public sealed class DemoFlashTests : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "dcm-demo-flash-" + Guid.NewGuid().ToString("N"), "demo");

        public void Dispose()
        {
            if (Directory.Exists(Path.GetDirectoryName(_root)))
            {
                Directory.Delete(Path.GetDirectoryName(_root), true);
            }
        }

        [Fact]
        public void APlainRunErasesWhatAnEarlierRunLeft()
        {
            using (DemoFlash first = DemoFlash.Open(_root, false, "universal=4 relay=1 fresh mqtt=local", out _))
            {
                File.WriteAllText(Path.Combine(first.Root, "registry.txt"), "addresses of that run");
            }

            using DemoFlash second = DemoFlash.Open(_root, false, "universal=4 relay=1 provisioned mqtt=none", out string error);
            Assert.Null(error);
            Assert.False(second.Kept);
            Assert.False(File.Exists(Path.Combine(_root, "registry.txt")));
            Assert.Equal("universal=4 relay=1 provisioned mqtt=none", File.ReadAllText(Path.Combine(_root, DemoFlash.LayoutFileName)).Trim());
        }

        [Fact]
        public void KeptFlashIsUsedOnlyForTheLayoutThatWroteIt()
        {
            using (DemoFlash first = DemoFlash.Open(_root, false, "universal=4 relay=1 fresh mqtt=none", out _))
            {
                File.WriteAllText(Path.Combine(first.Root, "state.bin"), "x");
            }

            Assert.Null(DemoFlash.Open(_root, true, "universal=4 relay=1 provisioned mqtt=none", out string refused));
            Assert.Contains("was written for universal=4 relay=1 fresh mqtt=none", refused);
            Assert.True(File.Exists(Path.Combine(_root, "state.bin")), "a refused run changes nothing");

            using DemoFlash kept = DemoFlash.Open(_root, true, "universal=4 relay=1 fresh mqtt=none", out string error);
            Assert.Null(error);
            Assert.True(kept.Kept);
            Assert.True(File.Exists(Path.Combine(_root, "state.bin")));
        }

        [Fact]
        public void ASecondEmulatorOnTheSameFolderIsRefused()
        {
            using DemoFlash first = DemoFlash.Open(_root, false, "single-node", out _);
            Assert.Null(DemoFlash.Open(_root, false, "single-node", out string error));
            Assert.Contains("in use by another emulator", error);
            first.Dispose();
            using DemoFlash again = DemoFlash.Open(_root, false, "single-node", out string none);
            Assert.Null(none);
        }

        [Fact]
        public void ExpectedRepliesNameTheNodesThatDidNotAnswer()
        {
            var all = new ExpectedReplies("ALL:READ", new[] { 0, 1, 2, 3 });
            all.Offer("NODE0:DATA:D:0%,V:12.000V,I:0.00mA,P:0.0mW");
            all.Offer("SENT:READ");
            all.Offer("NODE2:DATA:D:0%,V:12.000V,I:0.00mA,P:0.0mW");
            Assert.False(all.Complete);
            Assert.Equal(new[] { 1, 3 }, all.Missing);

            var unicast = new ExpectedReplies("7:READ", new[] { 0, 1 });
            unicast.Offer("SENT:READ");
            Assert.False(unicast.Complete);
            unicast.Offer("ERROR:MESH_TIMEOUT");
            Assert.True(unicast.Complete);

            var invalid = new ExpectedReplies("abc:READ", new[] { 0 });
            Assert.False(invalid.Complete);
            invalid.Offer("ERROR:INVALID_NODE");
            Assert.True(invalid.Complete);
        }
    }
}
