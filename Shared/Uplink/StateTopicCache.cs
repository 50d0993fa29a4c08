using DcMonitor.Shared.Mesh;

namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// The bridge's state topics (<see cref="HomeAssistantDiscovery.StateTopic"/>), built once per node and kept, so that publishing
    /// a reading builds no topic text (issue 16). One slot per node id (0 to <see cref="NodeAddressing.MaximumNodes"/> − 1): at most
    /// that many strings, each about 50 characters. Every slot belongs to one topic prefix: a lookup with another prefix empties
    /// the cache (settings changed). A node named anew (<see cref="Forget"/>) gets its topic rebuilt. An address that is not a
    /// node's is never cached (<see cref="Lookup"/> gives null and <see cref="Store"/> ignores it). Not thread-safe: the caller locks.
    /// </summary>
    public sealed class StateTopicCache
    {
        private readonly string[] _topics = new string[NodeAddressing.MaximumNodes];
        private string _prefix;

        /// <summary>Topics held now.</summary>
        public int Count { get; private set; }

        /// <summary>The topic cached for <paramref name="address"/> under <paramref name="topicPrefix"/>, or null (not built yet, or
        /// not a node's address). A prefix other than the cached topics' empties the cache first.</summary>
        public string Lookup(string topicPrefix, int address)
        {
            if (topicPrefix != _prefix)
            {
                Clear();
                _prefix = topicPrefix;
            }

            int node = NodeAddressing.NodeIdOf(address);
            return node < 0 ? null : _topics[node];
        }

        /// <summary>Keeps <paramref name="topic"/> for <paramref name="address"/> under <paramref name="topicPrefix"/> (the prefix of the
        /// last <see cref="Lookup"/>; another one is not cached). Ignored for an address that is not a node's.</summary>
        public void Store(string topicPrefix, int address, string topic)
        {
            int node = NodeAddressing.NodeIdOf(address);
            if (node < 0 || topicPrefix != _prefix)
            {
                return;
            }

            if (_topics[node] == null)
            {
                Count++;
            }

            _topics[node] = topic;
        }

        /// <summary>Drops the topic of <paramref name="address"/> (its name changed: the next lookup builds it anew).</summary>
        public void Forget(int address)
        {
            int node = NodeAddressing.NodeIdOf(address);
            if (node >= 0 && _topics[node] != null)
            {
                _topics[node] = null;
                Count--;
            }
        }

        private void Clear()
        {
            for (int i = 0; i < _topics.Length; i++)
            {
                _topics[i] = null;
            }

            Count = 0;
        }
    }
}
