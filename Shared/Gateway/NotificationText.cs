namespace DcMonitor.Shared.Gateway
{
    /// <summary>
    /// A gateway message as the bytes DC02 carries (seed protocol §3): ASCII, at most
    /// <see cref="GatewayReplies.MaximumMessageBytes"/> bytes. Used by every notifier, so the device's and the test drivers'
    /// bytes are the same. Stateless and thread-safe.
    /// </summary>
    public static class NotificationText
    {
        /// <summary>
        /// Copies the first <paramref name="length"/> bytes of <paramref name="message"/> into <paramref name="destination"/> (at least
        /// <see cref="GatewayReplies.MaximumMessageBytes"/> bytes long), so the chunker may work on them while the caller reuses its
        /// buffer; returns the number of bytes copied.
        /// </summary>
        /// <exception cref="System.ArgumentOutOfRangeException">length negative or above <see cref="GatewayReplies.MaximumMessageBytes"/>
        /// (the gateway never builds such a message: it notifies <c>ERROR:REPLY_TOO_LONG</c> instead).</exception>
        public static int Copy(byte[] message, int length, byte[] destination)
        {
            if (length < 0 || length > GatewayReplies.MaximumMessageBytes)
            {
                throw new System.ArgumentOutOfRangeException("length");
            }

            System.Array.Copy(message, 0, destination, 0, length);
            return length;
        }
    }
}
