using System;
using System.Threading;

namespace DcMonitor.Emulator.Demo.Interactive
{
    /// <summary>Where the demo console's lines come from: a terminal's line editor or plain (redirected) input.</summary>
    public interface ILineSource : IDisposable
    {
        /// <summary>The next line without its line end; null at the end of input (Ctrl-D, end of a pipe).</summary>
        /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled first.</exception>
        string ReadLine(CancellationToken cancel);
    }
}
