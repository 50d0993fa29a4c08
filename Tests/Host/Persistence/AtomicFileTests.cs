using System.IO;
using DcMonitor.Shared.Storage;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Persistence
{
    /// <summary><see cref="AtomicFile.ReadLatest"/>: the copy a settings reader trusts after any power cut.</summary>
    public class AtomicFileTests
    {
        private const string SettingsPath = "I:\\settings\\example.txt";

        [Fact]
        public void ReadLatestIsTheMainCopyWhenThereIsOne()
        {
            using var board = new ActiveBoard();
            AtomicFile file = new AtomicFile(SettingsPath);
            file.Write("old");
            File.WriteAllText(Path.Combine(board.Board.FlashDirectory, "settings", "example.txt.new"), "half-written new");
            Assert.Equal("old", file.ReadLatest());
        }

        [Fact]
        public void ReadLatestIsThePendingCopyWhenTheCutCameBeforeTheFirstMainCopy()
        {
            using var board = new ActiveBoard();
            Directory.CreateDirectory(Path.Combine(board.Board.FlashDirectory, "settings"));
            File.WriteAllText(Path.Combine(board.Board.FlashDirectory, "settings", "example.txt.new"), "first");
            Assert.Equal("first", new AtomicFile(SettingsPath).ReadLatest());
        }

        [Fact]
        public void ReadLatestIsNullOnANewBoard()
        {
            using var board = new ActiveBoard();
            Assert.Null(new AtomicFile(SettingsPath).ReadLatest());
        }
    }
}
