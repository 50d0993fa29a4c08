namespace System.Device.Wifi
{
    /// <summary>nanoFramework's <c>WifiReconnectionKind</c> (System.Device.Wifi 1.5).</summary>
    public enum WifiReconnectionKind
    {
        /// <summary>The driver reconnects by itself after the link drops.</summary>
        Automatic,

        /// <summary>The application reconnects.</summary>
        Manual,
    }
}
