using System;
using System.IO;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Storage;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.EmulatorApi
{
    /// <summary>The internal flash drive I: maps to the node's folder; hardware APIs need a board.</summary>
    public sealed class BoardAndStorageTests : IDisposable
    {
        private readonly TemporaryFlash _flash = new TemporaryFlash();

        public void Dispose() => _flash.Dispose();

        [Fact]
        public void DriveIMapsToTheBoardFolder()
        {
            var board = new VirtualBoard(_flash.Path);
            using (board.Activate())
            {
                FlashDrive.CreateDirectory("I:\\config");
                FlashDrive.WriteAllBytes("I:\\config\\duty.bin", new byte[] { 42 });
                Assert.True(FlashDrive.FileExists("I:\\config\\duty.bin"));
                Assert.Equal(new byte[] { 42 }, FlashDrive.ReadAllBytes("I:\\config\\duty.bin"));
                Assert.Equal(new[] { "I:\\config\\duty.bin" }, FlashDrive.GetFiles("I:\\config"));
            }

            Assert.Equal(new byte[] { 42 }, File.ReadAllBytes(Path.Combine(_flash.Path, "config", "duty.bin")));
        }

        [Fact]
        public void TwoBoardsHaveSeparateDrives()
        {
            using var otherFlash = new TemporaryFlash();
            var first = new VirtualBoard(_flash.Path);
            var second = new VirtualBoard(otherFlash.Path);
            using (first.Activate())
            {
                FlashDrive.WriteAllText("I:\\who", "first");
            }

            using (second.Activate())
            {
                Assert.False(FlashDrive.FileExists("I:\\who"));
            }
        }

        [Theory]
        [InlineData("D:\\file")]
        [InlineData("C:\\windows")]
        [InlineData("I:\\..\\escape")]
        public void OtherDrivesAndEscapesAreRefused(string path)
        {
            using (new VirtualBoard(_flash.Path).Activate())
            {
                Assert.Throws<IOException>(() => FlashDrive.WriteAllText(path, "x"));
            }
        }

        [Fact]
        public void MoveDoesNotOverwriteLikeNanoFramework()
        {
            using (new VirtualBoard(_flash.Path).Activate())
            {
                FlashDrive.WriteAllText("I:\\a", "a");
                FlashDrive.WriteAllText("I:\\b", "b");
                Assert.Throws<IOException>(() => FlashDrive.MoveFile("I:\\a", "I:\\b"));
                Assert.Throws<IOException>(() => FlashDrive.MoveFile("I:\\missing", "I:\\c"));
                FlashDrive.DeleteFile("I:\\b");
                FlashDrive.MoveFile("I:\\a", "I:\\b");
                Assert.Equal("a", FlashDrive.ReadAllText("I:\\b"));
            }
        }

        [Fact]
        public void FirmwareCodeCallingSystemIOFileReachesTheFlashDrive()
        {
            // Firmware host assemblies compile their own System.IO.File (Emulator/Platform/Storage/Shims), which
            // C# prefers over the desktop one: firmware's File.WriteAllBytes("I:\\…") lands in the board folder.
            Type shim = typeof(DcMonitor.UniversalNode.UniversalNodeApp).Assembly.GetType("System.IO.File", throwOnError: true);
            Assert.NotSame(typeof(File), shim);
            using (new VirtualBoard(_flash.Path).Activate())
            {
                shim.GetMethod("WriteAllBytes").Invoke(null, new object[] { "I:\\state.bin", new byte[] { 7 } });
                Assert.True((bool)shim.GetMethod("Exists").Invoke(null, new object[] { "I:\\state.bin" }));
            }

            Assert.Equal(new byte[] { 7 }, File.ReadAllBytes(Path.Combine(_flash.Path, "state.bin")));
        }

        [Fact]
        public void HardwareApisNeedAnActiveBoard()
        {
            Assert.Throws<InvalidOperationException>(() => System.Device.Pwm.PwmChannel.CreateFromPin(5));
        }
    }
}
