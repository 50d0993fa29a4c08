namespace System.IO.Ports
{
    /// <summary>Emulation of nanoFramework.System.IO.Ports' parity.</summary>
    public enum Parity
    {
        /// <summary>No parity bit.</summary>
        None = 0,

        /// <summary>Odd parity.</summary>
        Odd = 1,

        /// <summary>Even parity.</summary>
        Even = 2,
    }

    /// <summary>Emulation of nanoFramework.System.IO.Ports' stop bits.</summary>
    public enum StopBits
    {
        /// <summary>One stop bit.</summary>
        One = 1,

        /// <summary>Two stop bits.</summary>
        Two = 2,

        /// <summary>One and a half stop bits.</summary>
        OnePointFive = 3,
    }

    /// <summary>Emulation of nanoFramework.System.IO.Ports' handshakes.</summary>
    public enum Handshake
    {
        /// <summary>None.</summary>
        None,

        /// <summary>Software flow control.</summary>
        XOnXOff,

        /// <summary>RTS/CTS.</summary>
        RequestToSend,

        /// <summary>Both.</summary>
        RequestToSendXOnXOff,
    }

    /// <summary>Emulation of nanoFramework.System.IO.Ports' data-received kinds.</summary>
    public enum SerialData
    {
        /// <summary>Characters arrived.</summary>
        Chars = 1,

        /// <summary>The watch character arrived.</summary>
        WatchChar = 2,
    }

    /// <summary>Emulation of nanoFramework.System.IO.Ports' data-received event arguments.</summary>
    public class SerialDataReceivedEventArgs : EventArgs
    {
        internal SerialDataReceivedEventArgs(SerialData eventType)
        {
            EventType = eventType;
        }

        /// <summary>What arrived.</summary>
        public SerialData EventType { get; }
    }

    /// <summary>Emulation of nanoFramework.System.IO.Ports' data-received delegate.</summary>
    public delegate void SerialDataReceivedEventHandler(object sender, SerialDataReceivedEventArgs e);
}
