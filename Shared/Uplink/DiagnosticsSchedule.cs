namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// When the bridge publishes its diagnostic state (<see cref="BridgeDiscovery.DiagnosticsPayload"/>): at once when it becomes the
    /// bridge, every <see cref="PeriodMilliseconds"/> (the uptime moves on), and when the queue depth, the drop count, the count of
    /// readings missed on the mesh or the number of nodes seen changed, but never twice within <see cref="MinimumGapMilliseconds"/>, so a queue that fills and drains every publish
    /// period does not flood the broker. The message is retained, so Home Assistant shows the last state after its own restart.
    /// Pure logic over the caller's clock; not thread-safe (the worker owns it).
    /// </summary>
    public sealed class DiagnosticsSchedule
    {
        /// <summary>Longest time between two diagnostic states, ms.</summary>
        public const int PeriodMilliseconds = 60000;

        /// <summary>Shortest time between two diagnostic states, ms.</summary>
        public const int MinimumGapMilliseconds = 10000;

        private bool _published;
        private long _publishedAt;
        private int _queueDepth;
        private int _readingsDropped;
        private int _readingsMissed;
        private int _nodesSeen;

        /// <summary>Forgets what was published: the next <see cref="Next"/> publishes (call when this node becomes the bridge).</summary>
        public void Restart()
        {
            _published = false;
        }

        /// <summary>
        /// The diagnostic state to publish at <paramref name="nowMilliseconds"/> (uptime from it), or null when nothing is due.
        /// </summary>
        public string Next(long nowMilliseconds, int queueDepth, int readingsDropped, int readingsMissed, int nodesSeen)
        {
            long since = nowMilliseconds - _publishedAt;
            bool changed = queueDepth != _queueDepth || readingsDropped != _readingsDropped || readingsMissed != _readingsMissed || nodesSeen != _nodesSeen;
            if (_published && since < PeriodMilliseconds && (!changed || since < MinimumGapMilliseconds))
            {
                return null;
            }

            _published = true;
            _publishedAt = nowMilliseconds;
            _queueDepth = queueDepth;
            _readingsDropped = readingsDropped;
            _readingsMissed = readingsMissed;
            _nodesSeen = nodesSeen;
            return BridgeDiscovery.DiagnosticsPayload(queueDepth, readingsDropped, readingsMissed, nodesSeen, nowMilliseconds / 1000);
        }
    }
}
