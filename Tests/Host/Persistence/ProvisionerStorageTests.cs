using System.IO;
using DcMonitor.Emulator.Storage;
using DcMonitor.Provisioner.Keys;
using DcMonitor.Provisioner.Storage;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Provisioning;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Persistence
{
    /// <summary>
    /// Flash that survives a power cut only as far as it was written, and the provisioner's files that stay readable
    /// whatever the moment of the cut (ARCHITECTURE §8): atomic registry writes, tolerant reads, keys in two copies.
    /// </summary>
    public class ProvisionerStorageTests
    {
        private const string RegistryPath = "I:\\provisioner\\registry.txt";

        [Fact]
        public void APowerCutLeavesAFileWithWhatWasProgrammed()
        {
            using var board = new ActiveBoard();
            board.Board.PowerCutAfterFlashBytes = 10;
            Assert.Throws<IOException>(() => FlashDrive.WriteAllText("I:\\data.txt", new string('x', 100)));
            Assert.Equal(10, File.ReadAllText(Path.Combine(board.Board.FlashDirectory, "data.txt")).Length);
            Assert.True(board.Board.PoweredOff);
            Assert.Throws<IOException>(() => FlashDrive.WriteAllText("I:\\other.txt", "y"));
            Assert.False(File.Exists(Path.Combine(board.Board.FlashDirectory, "other.txt")));
        }

        [Fact]
        public void ARegistryWriteCutAtAnyByteLeavesTheOldOrTheNewRegistry()
        {
            NodeRegistry before = Registry(1);
            NodeRegistry after = Registry(2);
            int length = after.Serialize().Length;
            for (int cut = 0; cut <= length + 8; cut += 7)
            {
                using var board = new ActiveBoard();
                var log = new NodeLog();
                new RegistryStore(RegistryPath, log).Save(before);
                board.Board.PowerCutAfterFlashBytes = cut;
                new RegistryStore(RegistryPath, log).Save(after); // the cut reports a failed save, never throws

                int count = new RegistryStore(RegistryPath, log).Load().Count;
                Assert.True(count == 1 || count == 2, "cut after " + cut + " bytes left " + count + " nodes");
            }
        }

        [Fact]
        public void APendingCopyLeftBetweenDeleteAndRenameIsUsed()
        {
            using var board = new ActiveBoard();
            var lines = new System.Collections.Generic.List<string>();
            NodeLog log = RecordingLog(lines);
            string folder = Path.Combine(board.Board.FlashDirectory, "provisioner");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "registry.txt.new"), Registry(3).Serialize());

            Assert.Equal(3, new RegistryStore(RegistryPath, log).Load().Count);
            Assert.Contains(lines, l => l.Contains("restored from the copy a power cut left pending"));
        }

        [Fact]
        public void ADamagedRegistryIsReportedAndReplacedByAnEmptyOne()
        {
            using var board = new ActiveBoard();
            var lines = new System.Collections.Generic.List<string>();
            NodeLog log = RecordingLog(lines);
            string folder = Path.Combine(board.Board.FlashDirectory, "provisioner");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "registry.txt"), "DCM-REGISTRY 0\nold format\n");

            Assert.Equal(0, new RegistryStore(RegistryPath, log).Load().Count);
            Assert.Contains(lines, l => l.StartsWith("[registry] unreadable"));
        }

        [Fact]
        public void KeysAreGeneratedOnceAndSurviveALostMainCopy()
        {
            using var board = new ActiveBoard();
            var lines = new System.Collections.Generic.List<string>();
            NodeLog log = RecordingLog(lines);
            NetworkKeys first = NetworkKeys.LoadOrCreate(NetworkKeys.DefaultPath, log);
            Assert.NotEqual(new byte[16], first.NetKey);
            Assert.NotEqual(first.NetKey, first.AppKey);

            string main = Path.Combine(board.Board.FlashDirectory, "provisioner", "keys.txt");
            File.WriteAllText(main, "torn");
            NetworkKeys second = NetworkKeys.LoadOrCreate(NetworkKeys.DefaultPath, log);
            Assert.Equal(first.NetKey, second.NetKey);
            Assert.Equal(first.AppKey, second.AppKey);
            Assert.Contains(lines, l => l.Contains("repaired from its backup"));
            Assert.DoesNotContain(lines, l => l.Contains(NodeRegistry.Hex(first.NetKey)));
            Assert.Equal(NetworkKeys.Fingerprint(first.NetKey), NetworkKeys.Fingerprint(NetworkKeys.LoadOrCreate(NetworkKeys.DefaultPath, log).NetKey));
        }

        private static NodeLog RecordingLog(System.Collections.Generic.List<string> lines)
        {
            var log = new NodeLog();
            log.Attach(lines.Add);
            return log;
        }

        private static NodeRegistry Registry(int nodes)
        {
            var registry = new NodeRegistry();
            for (int i = 0; i < nodes; i++)
            {
                byte[] uuid = new byte[16];
                uuid[0] = 0xDD;
                uuid[15] = (byte)i;
                registry.Add(new ProvisionedNode(uuid, 0x0005 + i));
            }

            return registry;
        }
    }
}
