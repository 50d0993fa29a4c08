using System;
using DcMonitor.Shared.Mesh;

namespace DcMonitor.Shared.Provisioning
{
    /// <summary>
    /// The node ids the provisioner installs directed paths toward (docs/directed-forwarding.md, "Which gateway"): the nodes the Pi
    /// connects to. Text form, as typed on the provisioner's console (<c>gateway 0,3</c>) and kept in its gateway file: node ids 0–249
    /// separated by commas, no duplicates, at most <see cref="MaximumGateways"/>; empty text means "the default": the first admitted
    /// universal node. Immutable.
    /// </summary>
    public sealed class GatewayList
    {
        /// <summary>
        /// Most gateways: each costs every path relay one forwarding-table entry per region it carries, so with 8 regions in the 200-node
        /// building 8 gateways fill 64 of a relay's 64 entries (DirectedPathPlan.MaximumForwardingEntries).
        /// </summary>
        public const int MaximumGateways = 8;

        private readonly int[] _nodeIds;

        private GatewayList(int[] nodeIds)
        {
            _nodeIds = nodeIds;
        }

        /// <summary>The default: no gateway named, the provisioner takes the first admitted universal node.</summary>
        public static GatewayList Default
        {
            get { return new GatewayList(new int[0]); }
        }

        /// <summary>True when no gateway is named (the first admitted universal node is taken).</summary>
        public bool IsDefault
        {
            get { return _nodeIds.Length == 0; }
        }

        /// <summary>Number of gateways named.</summary>
        public int Count
        {
            get { return _nodeIds.Length; }
        }

        /// <summary>The node id of gateway <paramref name="index"/>, in the order given.</summary>
        /// <exception cref="IndexOutOfRangeException">index outside 0 – Count − 1.</exception>
        public int NodeIdAt(int index)
        {
            return _nodeIds[index];
        }

        /// <summary>Reads <paramref name="text"/> (node ids separated by commas; empty or "default" for the default).</summary>
        /// <exception cref="ArgumentNullException">text is null.</exception>
        /// <exception cref="ArgumentException">An id that is not a number 0–249, a repeated id, or more than <see cref="MaximumGateways"/> ids; the message names it.</exception>
        public static GatewayList Parse(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException("text");
            }

            string trimmed = text.Trim();
            if (trimmed.Length == 0 || trimmed == "default")
            {
                return Default;
            }

            string[] parts = trimmed.Split(new char[] { ',' });
            if (parts.Length > MaximumGateways)
            {
                throw new ArgumentException("at most " + MaximumGateways.ToString() + " gateways, not " + parts.Length.ToString());
            }

            int[] ids = new int[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                string part = parts[i].Trim();
                int id = ParseId(part);
                if (!NodeAddressing.IsNodeId(id))
                {
                    throw new ArgumentException("'" + part + "' is not a node id 0-" + (NodeAddressing.MaximumNodes - 1).ToString());
                }

                for (int j = 0; j < i; j++)
                {
                    if (ids[j] == id)
                    {
                        throw new ArgumentException("node " + part + " is named twice");
                    }
                }

                ids[i] = id;
            }

            return new GatewayList(ids);
        }

        /// <summary>The text form: the ids separated by commas, or "default".</summary>
        public override string ToString()
        {
            if (_nodeIds.Length == 0)
            {
                return "default";
            }

            string text = "";
            for (int i = 0; i < _nodeIds.Length; i++)
            {
                text += (i > 0 ? "," : "") + _nodeIds[i].ToString();
            }

            return text;
        }

        /// <summary>The decimal number in <paramref name="part"/>, or -1 when it is empty, too long or holds anything but digits.</summary>
        private static int ParseId(string part)
        {
            if (part.Length == 0 || part.Length > 3)
            {
                return -1;
            }

            int value = 0;
            for (int i = 0; i < part.Length; i++)
            {
                char digit = part[i];
                if (digit < '0' || digit > '9')
                {
                    return -1;
                }

                value = value * 10 + (digit - '0');
            }

            return value;
        }
    }
}
