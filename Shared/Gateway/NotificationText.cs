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
        /// Copies <paramref name="message"/> into <paramref name="destination"/> (at least
        /// <see cref="GatewayReplies.MaximumMessageBytes"/> bytes long), cut to <see cref="GatewayReplies.MaximumMessageBytes"/>
        /// characters, a character outside ASCII as <c>?</c>; returns the number of bytes written.
        /// </summary>
        public static int ToAscii(string message, byte[] destination)
        {
            int length = message.Length > GatewayReplies.MaximumMessageBytes ? GatewayReplies.MaximumMessageBytes : message.Length;
            for (int i = 0; i < length; i++)
            {
                char c = message[i];
                destination[i] = c < 0x80 ? (byte)c : (byte)'?';
            }

            return length;
        }
    }
}
