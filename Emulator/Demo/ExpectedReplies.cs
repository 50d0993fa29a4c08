using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace DcMonitor.Emulator.Demo
{
    /// <summary>
    /// What <c>demo --commands</c> waits for after writing one of the Pi's commands: one <c>NODE&lt;id&gt;:…</c> reply from the
    /// addressed node for <c>&lt;id&gt;:WORD</c>, one from every universal node of the layout for <c>ALL:WORD</c>; an
    /// <c>ERROR:…</c> message answers the whole command (the gateway refused or gave up on it).
    /// </summary>
    public sealed class ExpectedReplies
    {
        private readonly HashSet<int> _waiting;

        /// <summary>Expectations for <paramref name="command"/> in a mesh whose universal nodes have ids <paramref name="universalNodeIds"/>.</summary>
        public ExpectedReplies(string command, IEnumerable<int> universalNodeIds)
        {
            Command = command;
            int colon = command.IndexOf(':');
            string target = colon < 0 ? command : command.Substring(0, colon);
            if (string.Equals(target, "ALL", StringComparison.OrdinalIgnoreCase))
            {
                ToAll = true;
                _waiting = new HashSet<int>(universalNodeIds);
            }
            else if (int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out int id))
            {
                _waiting = new HashSet<int> { id };
            }
            else
            {
                _waiting = new HashSet<int>(); // not a node: only an error can answer it
                AwaitsError = true;
            }
        }

        /// <summary>The command.</summary>
        public string Command { get; }

        /// <summary>True for an <c>ALL:…</c> command (every universal node is expected to answer).</summary>
        public bool ToAll { get; }

        /// <summary>True when only an ERROR message can answer the command (its target is not a node id).</summary>
        public bool AwaitsError { get; private set; }

        /// <summary>True once every expected node answered, or an error answered the command.</summary>
        public bool Complete => !AwaitsError && _waiting.Count == 0;

        /// <summary>The node ids that have not answered yet, ascending.</summary>
        public IEnumerable<int> Missing => _waiting.OrderBy(id => id);

        /// <summary>Takes one message of the gateway into account.</summary>
        public void Offer(string message)
        {
            if (message.StartsWith("ERROR:", StringComparison.Ordinal))
            {
                _waiting.Clear();
                AwaitsError = false;
                return;
            }

            if (!message.StartsWith("NODE", StringComparison.Ordinal))
            {
                return;
            }

            int colon = message.IndexOf(':');
            if (colon > 4 && int.TryParse(message.AsSpan(4, colon - 4), NumberStyles.None, CultureInfo.InvariantCulture, out int id))
            {
                _waiting.Remove(id);
            }
        }
    }
}
