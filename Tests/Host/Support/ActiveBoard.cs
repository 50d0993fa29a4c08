using System;
using DcMonitor.Emulator.Board;

namespace DcMonitor.Tests.Support
{
    /// <summary>A virtual board with a temporary flash drive, active for the test's flow until disposed.</summary>
    public sealed class ActiveBoard : IDisposable
    {
        private readonly TemporaryFlash _flash = new TemporaryFlash();
        private readonly IDisposable _activation;

        public ActiveBoard()
        {
            Board = new VirtualBoard(_flash.Path);
            _activation = Board.Activate();
        }

        public VirtualBoard Board { get; }

        public void Dispose()
        {
            _activation.Dispose();
            _flash.Dispose();
        }
    }
}
