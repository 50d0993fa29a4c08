namespace nanoFramework.Networking
{
    /// <summary>nanoFramework's <c>NetworkHelperStatus</c> (System.Net 1.11, namespace nanoFramework.Networking; the spelling of
    /// ErrorConnetingToWiFiWhileScanning is nanoFramework's).</summary>
    public enum NetworkHelperStatus
    {
        /// <summary>Nothing attempted.</summary>
        None,

        /// <summary>Connecting.</summary>
        Started,

        /// <summary>Connected with an address.</summary>
        NetworkIsReady,

        /// <summary>No network interface.</summary>
        FailedNoNetworkInterface,

        /// <summary>The token expired before an IP address came.</summary>
        TokenExpiredWaitingIPAddress,

        /// <summary>The token expired before the time was set.</summary>
        TokenExpiredWaitingDateTime,

        /// <summary>Scanning for the network failed.</summary>
        ErrorConnetingToWiFiWhileScanning,

        /// <summary>An exception occurred (see WifiNetworkHelper.HelperException).</summary>
        ExceptionOccurred = 7,

        /// <summary>Reconnecting.</summary>
        Reconnecting = 8,
    }
}
